/**
 * SPDX-FileCopyrightText: 2016-2021 The Apache Software Foundation
 * SPDX-License-Identifier: Apache-2.0
 * @license
 * Licensed to the Apache Software Foundation (ASF) under one
 * or more contributor license agreements.  See the NOTICE file
 * distributed with this work for additional information
 * regarding copyright ownership.  The ASF licenses this file
 * to you under the Apache License, Version 2.0 (the
 * "License"); you may not use this file except in compliance
 * with the License.  You may obtain a copy of the License at
 *
 *   http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an
 * "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY
 * KIND, either express or implied.  See the License for the
 * specific language governing permissions and limitations
 * under the License.
 */
import _toConsumableArray from "@babel/runtime-corejs3/helpers/esm/toConsumableArray";
import _classCallCheck from "@babel/runtime-corejs3/helpers/esm/classCallCheck";
import _createClass from "@babel/runtime-corejs3/helpers/esm/createClass";
import _defineProperty from "@babel/runtime-corejs3/helpers/esm/defineProperty";
import _sliceInstanceProperty from "@babel/runtime-corejs3/core-js/instance/slice";
import _concatInstanceProperty from "@babel/runtime-corejs3/core-js/instance/concat";

/**
 * Seeks through text counting Unicode *code points* instead of *code units*.
 *
 * Javascript characters correspond to 16 bits *code units*, hence two such
 * ‘characters’ might together constitute a single Unicode character (i.e. a
 * *code point*). The {@link CodePointSeeker} allows to ignore this
 * variable-length encoding, by counting code points instead.
 *
 * It is made to wrap a {@link Seeker} that counts code units (presumably a
 * {@link TextSeeker}), which must be passed to its {@link constructor}.
 *
 * When reading from the `CodePointSeeker`, the returned values is not a string
 * but an array of strings, each containing one code point (thus each having a
 * `length` that is either 1 or 2).
 *
 * @public
 */
export var CodePointSeeker = /*#__PURE__*/function () {
  /**
   *
   * @param raw  The {@link Seeker} to wrap, which counts in code *units* (e.g.
   * a {@link TextSeeker}). It should have {@link Seeker.position | position}
   * `0` and its methods must no longer be used directly if the
   * `CodePointSeeker`’s position is to remain correct.
   */
  function CodePointSeeker(raw) {
    _classCallCheck(this, CodePointSeeker);

    this.raw = raw;

    _defineProperty(this, "position", 0);
  }

  _createClass(CodePointSeeker, [{
    key: "seekBy",
    value: function seekBy(length) {
      this.seekTo(this.position + length);
    }
  }, {
    key: "seekTo",
    value: function seekTo(target) {
      this._readOrSeekTo(false, target);
    }
  }, {
    key: "read",
    value: function read(length, roundUp) {
      return this.readTo(this.position + length, roundUp);
    }
  }, {
    key: "readTo",
    value: function readTo(target, roundUp) {
      return this._readOrSeekTo(true, target, roundUp);
    }
  }, {
    key: "currentChunk",
    get: function get() {
      return this.raw.currentChunk;
    }
  }, {
    key: "offsetInChunk",
    get: function get() {
      return this.raw.offsetInChunk;
    }
  }, {
    key: "seekToChunk",
    value: function seekToChunk(target) {
      var offset = arguments.length > 1 && arguments[1] !== undefined ? arguments[1] : 0;

      this._readOrSeekToChunk(false, target, offset);
    }
  }, {
    key: "readToChunk",
    value: function readToChunk(target) {
      var offset = arguments.length > 1 && arguments[1] !== undefined ? arguments[1] : 0;
      return this._readOrSeekToChunk(true, target, offset);
    }
  }, {
    key: "_readOrSeekToChunk",
    value: function _readOrSeekToChunk(read, target) {
      var offset = arguments.length > 2 && arguments[2] !== undefined ? arguments[2] : 0;
      var oldRawPosition = this.raw.position;
      var s = this.raw.readToChunk(target, offset);
      var movedForward = this.raw.position >= oldRawPosition;

      if (movedForward && endsWithinCharacter(s)) {
        this.raw.seekBy(-1);
        s = _sliceInstanceProperty(s).call(s, 0, -1);
      } else if (!movedForward && startsWithinCharacter(s)) {
        this.raw.seekBy(1);
        s = _sliceInstanceProperty(s).call(s, 1);
      }

      var result = _toConsumableArray(s);

      this.position = movedForward ? this.position + result.length : this.position - result.length;
      if (read) return result;
    }
  }, {
    key: "_readOrSeekTo",
    value: function _readOrSeekTo(read, target) {
      var roundUp = arguments.length > 2 && arguments[2] !== undefined ? arguments[2] : false;
      var result = [];

      if (this.position < target) {
        var unpairedSurrogate = '';
        var characters = [];

        while (this.position < target) {
          var s = unpairedSurrogate + this.raw.read(1, true);

          if (endsWithinCharacter(s)) {
            unpairedSurrogate = _sliceInstanceProperty(s).call(s, -1); // consider this half-character part of the next string.

            s = _sliceInstanceProperty(s).call(s, 0, -1);
          } else {
            unpairedSurrogate = '';
          }

          characters = _toConsumableArray(s);
          this.position += characters.length;
          if (read) result = _concatInstanceProperty(result).call(result, characters);
        }

        if (unpairedSurrogate) this.raw.seekBy(-1); // align with the last complete character.

        if (!roundUp && this.position > target) {
          var overshootInCodePoints = this.position - target;

          var overshootInCodeUnits = _sliceInstanceProperty(characters).call(characters, -overshootInCodePoints).join('').length;

          this.position -= overshootInCodePoints;
          this.raw.seekBy(-overshootInCodeUnits);
        }
      } else {
        // Nearly equal to the if-block, but moving backward in the text.
        var _unpairedSurrogate = '';
        var _characters = [];

        while (this.position > target) {
          var _s = this.raw.read(-1, true) + _unpairedSurrogate;

          if (startsWithinCharacter(_s)) {
            _unpairedSurrogate = _s[0];
            _s = _sliceInstanceProperty(_s).call(_s, 1);
          } else {
            _unpairedSurrogate = '';
          }

          _characters = _toConsumableArray(_s);
          this.position -= _characters.length;
          if (read) result = _concatInstanceProperty(_characters).call(_characters, result);
        }

        if (_unpairedSurrogate) this.raw.seekBy(1);

        if (!roundUp && this.position < target) {
          var _overshootInCodePoints = target - this.position;

          var _overshootInCodeUnits = _sliceInstanceProperty(_characters).call(_characters, 0, _overshootInCodePoints).join('').length;

          this.position += _overshootInCodePoints;
          this.raw.seekBy(_overshootInCodeUnits);
        }
      }

      if (read) return result;
    }
  }]);

  return CodePointSeeker;
}();

function endsWithinCharacter(s) {
  var codeUnit = s.charCodeAt(s.length - 1);
  return 0xd800 <= codeUnit && codeUnit <= 0xdbff;
}

function startsWithinCharacter(s) {
  var codeUnit = s.charCodeAt(0);
  return 0xdc00 <= codeUnit && codeUnit <= 0xdfff;
}
//# sourceMappingURL=code-point-seeker.js.map