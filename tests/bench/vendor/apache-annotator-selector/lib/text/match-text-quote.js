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
import _sliceInstanceProperty from "@babel/runtime-corejs3/core-js/instance/slice";
import _Array$from from "@babel/runtime-corejs3/core-js/array/from";
import _Symbol from "@babel/runtime-corejs3/core-js/symbol";
import _getIteratorMethod from "@babel/runtime-corejs3/core-js/get-iterator-method";
import _getIterator from "@babel/runtime-corejs3/core-js/get-iterator";
import _awaitAsyncGenerator from "@babel/runtime-corejs3/helpers/esm/awaitAsyncGenerator";
import _wrapAsyncGenerator from "@babel/runtime-corejs3/helpers/esm/wrapAsyncGenerator";
import _regeneratorRuntime from "@babel/runtime-corejs3/regenerator";
import _startsWithInstanceProperty from "@babel/runtime-corejs3/core-js/instance/starts-with";
import _filterInstanceProperty from "@babel/runtime-corejs3/core-js/instance/filter";

function _createForOfIteratorHelper(o, allowArrayLike) { var it; if (typeof _Symbol === "undefined" || _getIteratorMethod(o) == null) { if (Array.isArray(o) || (it = _unsupportedIterableToArray(o)) || allowArrayLike && o && typeof o.length === "number") { if (it) o = it; var i = 0; var F = function F() {}; return { s: F, n: function n() { if (i >= o.length) return { done: true }; return { done: false, value: o[i++] }; }, e: function e(_e) { throw _e; }, f: F }; } throw new TypeError("Invalid attempt to iterate non-iterable instance.\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method."); } var normalCompletion = true, didErr = false, err; return { s: function s() { it = _getIterator(o); }, n: function n() { var step = it.next(); normalCompletion = step.done; return step; }, e: function e(_e2) { didErr = true; err = _e2; }, f: function f() { try { if (!normalCompletion && it.return != null) it.return(); } finally { if (didErr) throw err; } } }; }

function _unsupportedIterableToArray(o, minLen) { var _context2; if (!o) return; if (typeof o === "string") return _arrayLikeToArray(o, minLen); var n = _sliceInstanceProperty(_context2 = Object.prototype.toString.call(o)).call(_context2, 8, -1); if (n === "Object" && o.constructor) n = o.constructor.name; if (n === "Map" || n === "Set") return _Array$from(o); if (n === "Arguments" || /^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(n)) return _arrayLikeToArray(o, minLen); }

function _arrayLikeToArray(arr, len) { if (len == null || len > arr.length) len = arr.length; for (var i = 0, arr2 = new Array(len); i < len; i++) { arr2[i] = arr[i]; } return arr2; }

/**
 * Find occurrences in a text matching the given {@link TextQuoteSelector}.
 *
 * This performs an exact search the selector’s quote (including prefix and
 * suffix) within the given text.
 *
 * Note the match is based on strict character-by-character equivalence, i.e.
 * it is sensitive to whitespace, capitalisation, etc.
 *
 * This is an abstract implementation of the function’s logic, which expects a
 * generic {@link Chunker} to represent the text, and returns an (async)
 * generator of {@link ChunkRange}s to represent the matches.
 *
 * See {@link dom.createTextQuoteSelectorMatcher} for a
 * wrapper around this implementation which applies it to the text of an HTML
 * DOM.
 *
 * The function is curried, taking first the selector and then the text.
 *
 * As there may be multiple matches for a given selector (when its prefix and
 * suffix attributes are not sufficient to disambiguate it), the matcher will
 * return an (async) generator that produces each match in the order they are
 * found in the text.
 *
 * *XXX Modifying the Chunks while the search is still running can mess up and
 * result in an error or an infinite loop. See [issue #112](https://github.com/apache/incubator-annotator/issues/112).*
 *
 * @example
 * ```
 * const selector = { type: 'TextQuoteSelector', exact: 'banana' };
 * const matches = textQuoteSelectorMatcher(selector)(textChunks);
 * for await (match of matches) console.log(match);
 * // ⇒ { startChunk: { … }, startIndex: 187, endChunk: { … }, endIndex: 193 }
 * // ⇒ { startChunk: { … }, startIndex: 631, endChunk: { … }, endIndex: 637 }
 * ```
 *
 * @param selector - The {@link TextQuoteSelector} to be anchored
 * @returns a {@link Matcher} function that applies `selector` to a given text
 *
 * @public
 */
export function textQuoteSelectorMatcher(selector) {
  return /*#__PURE__*/function () {
    var _matchAll = _wrapAsyncGenerator( /*#__PURE__*/_regeneratorRuntime.mark(function _callee(textChunks) {
      var exact, prefix, suffix, searchPattern, partialMatches, isFirstChunk, chunk, chunkValue, remainingPartialMatches, _iterator, _step, partialMatch, charactersMatched, charactersUntilMatchEnd, charactersUntilMatchStart, charactersUntilSuffixEnd, fromIndex, patternStartIndex, newPartialMatches, searchStartPoint, _loop, i, _iterator2, _step2, partialMatchStartIndex, _charactersMatched, _partialMatch;

      return _regeneratorRuntime.wrap(function _callee$(_context) {
        while (1) {
          switch (_context.prev = _context.next) {
            case 0:
              exact = selector.exact;
              prefix = selector.prefix || '';
              suffix = selector.suffix || '';
              searchPattern = prefix + exact + suffix; // The code below essentially just performs string.indexOf(searchPattern),
              // but on a string that is chopped up in multiple chunks. It runs a loop
              // containing three steps:
              // 1. Continue checking any partial matches from the previous chunk(s).
              // 2. Try find the whole pattern in the chunk (possibly multiple times).
              // 3. Check if this chunk ends with a partial match (or even multiple partial matches).

              partialMatches = [];
              isFirstChunk = true;

            case 6:
              chunk = textChunks.currentChunk;
              chunkValue = chunk.data; // 1. Continue checking any partial matches from the previous chunk(s).

              remainingPartialMatches = [];
              _iterator = _createForOfIteratorHelper(partialMatches);
              _context.prev = 10;

              _iterator.s();

            case 12:
              if ((_step = _iterator.n()).done) {
                _context.next = 27;
                break;
              }

              partialMatch = _step.value;
              charactersMatched = partialMatch.charactersMatched; // If the current chunk contains the start and/or end of the match, record these.

              if (partialMatch.endChunk === undefined) {
                charactersUntilMatchEnd = prefix.length + exact.length - charactersMatched;

                if (charactersUntilMatchEnd <= chunkValue.length) {
                  partialMatch.endChunk = chunk;
                  partialMatch.endIndex = charactersUntilMatchEnd;
                }
              }

              if (partialMatch.startChunk === undefined) {
                charactersUntilMatchStart = prefix.length - charactersMatched;

                if (charactersUntilMatchStart < chunkValue.length || partialMatch.endChunk !== undefined // handles an edge case: an empty quote at the end of a chunk.
                ) {
                    partialMatch.startChunk = chunk;
                    partialMatch.startIndex = charactersUntilMatchStart;
                  }
              }

              charactersUntilSuffixEnd = searchPattern.length - charactersMatched;

              if (!(charactersUntilSuffixEnd <= chunkValue.length)) {
                _context.next = 24;
                break;
              }

              if (!_startsWithInstanceProperty(chunkValue).call(chunkValue, searchPattern.substring(charactersMatched))) {
                _context.next = 22;
                break;
              }

              _context.next = 22;
              return partialMatch;

            case 22:
              _context.next = 25;
              break;

            case 24:
              if (chunkValue === searchPattern.substring(charactersMatched, charactersMatched + chunkValue.length)) {
                // The chunk is too short to complete the match; comparison has to be completed in subsequent chunks.
                partialMatch.charactersMatched += chunkValue.length;
                remainingPartialMatches.push(partialMatch);
              }

            case 25:
              _context.next = 12;
              break;

            case 27:
              _context.next = 32;
              break;

            case 29:
              _context.prev = 29;
              _context.t0 = _context["catch"](10);

              _iterator.e(_context.t0);

            case 32:
              _context.prev = 32;

              _iterator.f();

              return _context.finish(32);

            case 35:
              partialMatches = remainingPartialMatches; // 2. Try find the whole pattern in the chunk (possibly multiple times).

              if (!(searchPattern.length <= chunkValue.length)) {
                _context.next = 49;
                break;
              }

              fromIndex = 0;

            case 38:
              if (!(fromIndex <= chunkValue.length)) {
                _context.next = 49;
                break;
              }

              patternStartIndex = chunkValue.indexOf(searchPattern, fromIndex);

              if (!(patternStartIndex === -1)) {
                _context.next = 42;
                break;
              }

              return _context.abrupt("break", 49);

            case 42:
              fromIndex = patternStartIndex + 1; // Handle edge case: an empty searchPattern would already have been yielded at the end of the last chunk.

              if (!(patternStartIndex === 0 && searchPattern.length === 0 && !isFirstChunk)) {
                _context.next = 45;
                break;
              }

              return _context.abrupt("continue", 38);

            case 45:
              _context.next = 47;
              return {
                startChunk: chunk,
                startIndex: patternStartIndex + prefix.length,
                endChunk: chunk,
                endIndex: patternStartIndex + prefix.length + exact.length
              };

            case 47:
              _context.next = 38;
              break;

            case 49:
              // 3. Check if this chunk ends with a partial match (or even multiple partial matches).
              newPartialMatches = [];
              searchStartPoint = Math.max(chunkValue.length - searchPattern.length + 1, 0);

              _loop = function _loop(i) {
                var character = chunkValue[i];
                newPartialMatches = _filterInstanceProperty(newPartialMatches).call(newPartialMatches, function (partialMatchStartIndex) {
                  return character === searchPattern[i - partialMatchStartIndex];
                });
                if (character === searchPattern[0]) newPartialMatches.push(i);
              };

              for (i = searchStartPoint; i < chunkValue.length; i++) {
                _loop(i);
              }

              _iterator2 = _createForOfIteratorHelper(newPartialMatches);

              try {
                for (_iterator2.s(); !(_step2 = _iterator2.n()).done;) {
                  partialMatchStartIndex = _step2.value;
                  _charactersMatched = chunkValue.length - partialMatchStartIndex;
                  _partialMatch = {
                    charactersMatched: _charactersMatched
                  };

                  if (_charactersMatched >= prefix.length + exact.length) {
                    _partialMatch.endChunk = chunk;
                    _partialMatch.endIndex = partialMatchStartIndex + prefix.length + exact.length;
                  }

                  if (_charactersMatched > prefix.length || _partialMatch.endChunk !== undefined // handles an edge case: an empty quote at the end of a chunk.
                  ) {
                      _partialMatch.startChunk = chunk;
                      _partialMatch.startIndex = partialMatchStartIndex + prefix.length;
                    }

                  partialMatches.push(_partialMatch);
                }
              } catch (err) {
                _iterator2.e(err);
              } finally {
                _iterator2.f();
              }

              isFirstChunk = false;

            case 56:
              if (textChunks.nextChunk() !== null) {
                _context.next = 6;
                break;
              }

            case 57:
            case "end":
              return _context.stop();
          }
        }
      }, _callee, null, [[10, 29, 32, 35]]);
    }));

    function matchAll(_x) {
      return _matchAll.apply(this, arguments);
    }

    return matchAll;
  }();
}
//# sourceMappingURL=match-text-quote.js.map