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
import _slicedToArray from "@babel/runtime-corejs3/helpers/esm/slicedToArray";
import _classCallCheck from "@babel/runtime-corejs3/helpers/esm/classCallCheck";
import _createClass from "@babel/runtime-corejs3/helpers/esm/createClass";
import _defineProperty from "@babel/runtime-corejs3/helpers/esm/defineProperty";
import _sliceInstanceProperty from "@babel/runtime-corejs3/core-js/instance/slice";
import { chunkEquals } from "./chunker.js";
var E_END = 'Iterator exhausted before seek ended.';
/**
 * Abstraction to seek (jump) or read to a position inside a ‘file’ consisting of a
 * sequence of data chunks.
 *
 * This interface is a combination of three interfaces in one: for seeking to a
 * relative position, an absolute position, or a specific chunk. These three are
 * defined separately for clarity and flexibility, but normally used together.
 *
 * A Seeker internally maintains a pointer to the chunk it is currently ‘in’ and
 * the offset position within that chunk.
 *
 * @typeParam TChunk - Type of chunks the file consists of.
 * @typeParam TData - Type of data this seeker’s read methods will return (not
 * necessarily the same as the `TData` parameter of {@link Chunk}, see e.g.
 * {@link CodePointSeeker})
 *
 * @public
 */

/**
 * A TextSeeker is constructed around a {@link Chunker}, to let it be treated as
 * a continuous sequence of characters.
 *
 * Seeking to a given numeric position will cause a `TextSeeker` to pull chunks
 * from the underlying `Chunker`, counting their lengths until the requested
 * position is reached. `Chunks` are not stored but simply read again when
 * seeking backwards.
 *
 * The `Chunker` is presumed to read an unchanging file. If a chunk’s length
 * would change while seeking, a TextSeeker’s absolute positioning would be
 * incorrect.
 *
 * See {@link CodePointSeeker} for a {@link Seeker} that counts Unicode *code
 * points* instead of Javascript’s ‘normal’ characters.
 *
 * @public
 */
export var TextSeeker = /*#__PURE__*/function () {
  function TextSeeker(chunker) {
    _classCallCheck(this, TextSeeker);

    this.chunker = chunker;

    _defineProperty(this, "currentChunkPosition", 0);

    _defineProperty(this, "offsetInChunk", 0);

    // Walk to the start of the first non-empty chunk inside the scope.
    this.seekTo(0);
  }

  _createClass(TextSeeker, [{
    key: "currentChunk",
    get: // The chunk containing our current text position.
    function get() {
      return this.chunker.currentChunk;
    } // The index of the first character of the current chunk inside the text.

  }, {
    key: "position",
    get: // The current text position (measured in code units)
    function get() {
      return this.currentChunkPosition + this.offsetInChunk;
    }
  }, {
    key: "read",
    value: function read(length) {
      var roundUp = arguments.length > 1 && arguments[1] !== undefined ? arguments[1] : false;
      var lessIsFine = arguments.length > 2 && arguments[2] !== undefined ? arguments[2] : false;
      return this._readOrSeekTo(true, this.position + length, roundUp, lessIsFine);
    }
  }, {
    key: "readTo",
    value: function readTo(target) {
      var roundUp = arguments.length > 1 && arguments[1] !== undefined ? arguments[1] : false;
      return this._readOrSeekTo(true, target, roundUp);
    }
  }, {
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
      var oldPosition = this.position;
      var result = ''; // Walk to the requested chunk.

      if (!this.chunker.precedesCurrentChunk(target)) {
        // Search forwards.
        while (!chunkEquals(this.currentChunk, target)) {
          var _this$_readToNextChun = this._readToNextChunk(),
              _this$_readToNextChun2 = _slicedToArray(_this$_readToNextChun, 2),
              data = _this$_readToNextChun2[0],
              nextChunk = _this$_readToNextChun2[1];

          if (read) result += data;
          if (nextChunk === null) throw new RangeError(E_END);
        }
      } else {
        // Search backwards.
        while (!chunkEquals(this.currentChunk, target)) {
          var _this$_readToPrevious = this._readToPreviousChunk(),
              _this$_readToPrevious2 = _slicedToArray(_this$_readToPrevious, 2),
              _data = _this$_readToPrevious2[0],
              previousChunk = _this$_readToPrevious2[1];

          if (read) result = _data + result;
          if (previousChunk === null) throw new RangeError(E_END);
        }
      } // Now we know where the chunk is, walk to the requested offset.
      // Note we might have started inside the chunk, and the offset could even
      // point at a position before or after the chunk.


      var targetPosition = this.currentChunkPosition + offset;

      if (!read) {
        this.seekTo(targetPosition);
      } else {
        if (targetPosition >= this.position) {
          // Read further until the target.
          result += this.readTo(targetPosition);
        } else if (targetPosition >= oldPosition) {
          // We passed by our target position: step back.
          this.seekTo(targetPosition);
          result = _sliceInstanceProperty(result).call(result, 0, targetPosition - oldPosition);
        } else {
          // The target precedes our starting position: read backwards from there.
          this.seekTo(oldPosition);
          result = this.readTo(targetPosition);
        }

        return result;
      }
    }
  }, {
    key: "_readOrSeekTo",
    value: function _readOrSeekTo(read, target) {
      var roundUp = arguments.length > 2 && arguments[2] !== undefined ? arguments[2] : false;
      var lessIsFine = arguments.length > 3 && arguments[3] !== undefined ? arguments[3] : false;
      var result = '';

      if (this.position <= target) {
        while (true) {
          var endOfChunk = this.currentChunkPosition + this.currentChunk.data.length;

          if (endOfChunk <= target) {
            // The target is beyond the current chunk.
            // (we use ≤ not <: if the target is *at* the end of the chunk, possibly
            // because the current chunk is empty, we prefer to take the next chunk)
            var _this$_readToNextChun3 = this._readToNextChunk(),
                _this$_readToNextChun4 = _slicedToArray(_this$_readToNextChun3, 2),
                data = _this$_readToNextChun4[0],
                nextChunk = _this$_readToNextChun4[1];

            if (read) result += data;

            if (nextChunk === null) {
              if (this.position === target || lessIsFine) break;else throw new RangeError(E_END);
            }
          } else {
            // The target is within the current chunk.
            var newOffset = roundUp ? this.currentChunk.data.length : target - this.currentChunkPosition;
            if (read) result += this.currentChunk.data.substring(this.offsetInChunk, newOffset);
            this.offsetInChunk = newOffset; // If we finish end at the end of the chunk, seek to the start of the next non-empty node.
            // (TODO decide: should we keep this guarantee of not finishing at the end of a chunk?)

            if (roundUp) this.seekBy(0);
            break;
          }
        }
      } else {
        // Similar to the if-block, but moving backward in the text.
        while (this.position > target) {
          if (this.currentChunkPosition <= target) {
            // The target is within the current chunk.
            var _newOffset = roundUp ? 0 : target - this.currentChunkPosition;

            if (read) result = this.currentChunk.data.substring(_newOffset, this.offsetInChunk) + result;
            this.offsetInChunk = _newOffset;
            break;
          } else {
            var _this$_readToPrevious3 = this._readToPreviousChunk(),
                _this$_readToPrevious4 = _slicedToArray(_this$_readToPrevious3, 2),
                _data2 = _this$_readToPrevious4[0],
                previousChunk = _this$_readToPrevious4[1];

            if (read) result = _data2 + result;

            if (previousChunk === null) {
              if (lessIsFine) break;else throw new RangeError(E_END);
            }
          }
        }
      }

      if (read) return result;
    } // Read to the start of the next chunk, if any; otherwise to the end of the current chunk.

  }, {
    key: "_readToNextChunk",
    value: function _readToNextChunk() {
      var data = this.currentChunk.data.substring(this.offsetInChunk);
      var chunkLength = this.currentChunk.data.length;
      var nextChunk = this.chunker.nextChunk();

      if (nextChunk !== null) {
        this.currentChunkPosition += chunkLength;
        this.offsetInChunk = 0;
      } else {
        this.offsetInChunk = chunkLength;
      }

      return [data, nextChunk];
    } // Read backwards to the end of the previous chunk, if any; otherwise to the start of the current chunk.

  }, {
    key: "_readToPreviousChunk",
    value: function _readToPreviousChunk() {
      var data = this.currentChunk.data.substring(0, this.offsetInChunk);
      var previousChunk = this.chunker.previousChunk();

      if (previousChunk !== null) {
        this.currentChunkPosition -= this.currentChunk.data.length;
        this.offsetInChunk = this.currentChunk.data.length;
      } else {
        this.offsetInChunk = 0;
      }

      return [data, previousChunk];
    }
  }]);

  return TextSeeker;
}();
//# sourceMappingURL=seeker.js.map