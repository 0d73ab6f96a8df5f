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
import _awaitAsyncGenerator from "@babel/runtime-corejs3/helpers/esm/awaitAsyncGenerator";
import _wrapAsyncGenerator from "@babel/runtime-corejs3/helpers/esm/wrapAsyncGenerator";
import _regeneratorRuntime from "@babel/runtime-corejs3/regenerator";
import { CodePointSeeker } from "./code-point-seeker.js";
import { TextSeeker } from "./seeker.js";
/**
 * Find the range of text corresponding to the given {@link TextPositionSelector}.
 *
 * This is an abstract implementation of the function’s logic, which expects a
 * generic {@link Chunker} to represent the text, and returns an (async)
 * generator producing a single {@link ChunkRange} to represent the match.
 * (unlike e.g. TextQuoteSelector, it cannot result in multiple matches).
 *
 * See {@link dom.createTextPositionSelectorMatcher} for a
 * wrapper around this implementation which applies it to the text of an HTML
 * DOM.
 *
 * The function is curried, taking first the selector and then the text.
 *
 * @example
 * ```
 * const selector = { type: 'TextPositionSelector', start: 702, end: 736 };
 * const matches = textPositionSelectorMatcher(selector)(textChunks);
 * const match = (await matches.next()).value;
 * console.log(match);
 * // ⇒ { startChunk: { … }, startIndex: 64, endChunk: { … }, endIndex: 98 }
 * ```
 *
 * @param selector - the {@link TextPositionSelector} to be anchored
 * @returns a {@link Matcher} function that applies `selector` to a given text
 *
 * @public
 */

export function textPositionSelectorMatcher(selector) {
  var start = selector.start,
      end = selector.end;
  return /*#__PURE__*/function () {
    var _matchAll = _wrapAsyncGenerator( /*#__PURE__*/_regeneratorRuntime.mark(function _callee(textChunks) {
      var codeUnitSeeker, codePointSeeker, startChunk, startIndex, endChunk, endIndex;
      return _regeneratorRuntime.wrap(function _callee$(_context) {
        while (1) {
          switch (_context.prev = _context.next) {
            case 0:
              codeUnitSeeker = new TextSeeker(textChunks);
              codePointSeeker = new CodePointSeeker(codeUnitSeeker);
              codePointSeeker.seekTo(start);
              startChunk = codeUnitSeeker.currentChunk;
              startIndex = codeUnitSeeker.offsetInChunk;
              codePointSeeker.seekTo(end);
              endChunk = codeUnitSeeker.currentChunk;
              endIndex = codeUnitSeeker.offsetInChunk;
              _context.next = 10;
              return {
                startChunk: startChunk,
                startIndex: startIndex,
                endChunk: endChunk,
                endIndex: endIndex
              };

            case 10:
            case "end":
              return _context.stop();
          }
        }
      }, _callee);
    }));

    function matchAll(_x) {
      return _matchAll.apply(this, arguments);
    }

    return matchAll;
  }();
}
//# sourceMappingURL=match-text-position.js.map