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
import _asyncToGenerator from "@babel/runtime-corejs3/helpers/esm/asyncToGenerator";
import _regeneratorRuntime from "@babel/runtime-corejs3/regenerator";
import { chunkRangeEquals } from "./chunker.js";
import { TextSeeker } from "./seeker.js";
import { textQuoteSelectorMatcher } from "./index.js";
/**
 * @public
 */

/**
 * Returns a {@link TextQuoteSelector} that points at the target quote in the
 * given text.
 *
 * The selector will contain the exact target quote. In case this quote appears
 * multiple times in the text, sufficient context around the quote will be
 * included in the selector’s `prefix` and `suffix` attributes to disambiguate.
 * By default, more prefix and suffix are included than strictly required; both
 * in order to be robust against slight modifications, and in an attempt to not
 * end halfway a word (mainly for human readability).
 *
 * This is an abstract implementation of the function’s logic, which expects a
 * generic {@link Chunker} to represent the text, and a {@link ChunkRange} to
 * represent the target.
 *
 * See {@link dom.describeTextQuote} for a wrapper around this
 * implementation which applies it to the text of an HTML DOM.
 *
 * @param target - The range of characters that the selector should describe
 * @param scope - The text containing the target range; or, more accurately, a
 * function that produces {@link Chunker}s corresponding to this text.
 * @param options - Options to fine-tune the function’s behaviour.
 * @returns The {@link TextQuoteSelector} that describes `target`.
 *
 * @public
 */
export function describeTextQuote(_x, _x2) {
  return _describeTextQuote.apply(this, arguments);
}

function _describeTextQuote() {
  _describeTextQuote = _asyncToGenerator( /*#__PURE__*/_regeneratorRuntime.mark(function _callee(target, scope) {
    var options,
        _options$minimalConte,
        minimalContext,
        _options$minimumQuote,
        minimumQuoteLength,
        _options$maxWordLengt,
        maxWordLength,
        seekerAtTarget,
        seekerAtUnintendedMatch,
        exact,
        prefix,
        suffix,
        currentQuoteLength,
        length,
        _length,
        _length2,
        tentativeSelector,
        matches,
        nextMatch,
        unintendedMatch,
        extraPrefix,
        extraSuffix,
        _args = arguments;

    return _regeneratorRuntime.wrap(function _callee$(_context) {
      while (1) {
        switch (_context.prev = _context.next) {
          case 0:
            options = _args.length > 2 && _args[2] !== undefined ? _args[2] : {};
            _options$minimalConte = options.minimalContext, minimalContext = _options$minimalConte === void 0 ? false : _options$minimalConte, _options$minimumQuote = options.minimumQuoteLength, minimumQuoteLength = _options$minimumQuote === void 0 ? 0 : _options$minimumQuote, _options$maxWordLengt = options.maxWordLength, maxWordLength = _options$maxWordLengt === void 0 ? 50 : _options$maxWordLengt; // Create a seeker to read the target quote and the context around it.
            // TODO Possible optimisation: as it need not be an AbsoluteSeeker, a
            // different implementation could provide direct ‘jump’ access in seekToChunk
            // (the scope’s Chunker would of course also have to support this).

            seekerAtTarget = new TextSeeker(scope()); // Create a second seeker so that we will be able to simultaneously read
            // characters near both the target and an unintended match, if we find any.

            seekerAtUnintendedMatch = new TextSeeker(scope()); // Read the target’s exact text.

            seekerAtTarget.seekToChunk(target.startChunk, target.startIndex);
            exact = seekerAtTarget.readToChunk(target.endChunk, target.endIndex); // Start with an empty prefix and suffix.

            prefix = '';
            suffix = ''; // If the quote is below the given minimum length, add some prefix & suffix.

            currentQuoteLength = function currentQuoteLength() {
              return prefix.length + exact.length + suffix.length;
            };

            if (currentQuoteLength() < minimumQuoteLength) {
              // Expand the prefix, but only to reach halfway towards the desired length.
              seekerAtTarget.seekToChunk(target.startChunk, target.startIndex - prefix.length);
              length = Math.floor((minimumQuoteLength - currentQuoteLength()) / 2);
              prefix = seekerAtTarget.read(-length, false, true) + prefix; // If needed, expand the suffix to achieve the minimum length.

              if (currentQuoteLength() < minimumQuoteLength) {
                seekerAtTarget.seekToChunk(target.endChunk, target.endIndex + suffix.length);
                _length = minimumQuoteLength - currentQuoteLength();
                suffix = suffix + seekerAtTarget.read(_length, false, true); // We might have to expand the prefix again (if at the end of the scope).

                if (currentQuoteLength() < minimumQuoteLength) {
                  seekerAtTarget.seekToChunk(target.startChunk, target.startIndex - prefix.length);
                  _length2 = minimumQuoteLength - currentQuoteLength();
                  prefix = seekerAtTarget.read(-_length2, false, true) + prefix;
                }
              }
            } // Expand prefix & suffix to avoid them ending somewhere halfway in a word.


            if (!minimalContext) {
              seekerAtTarget.seekToChunk(target.startChunk, target.startIndex - prefix.length);
              prefix = readUntilWhitespace(seekerAtTarget, maxWordLength, true) + prefix;
              seekerAtTarget.seekToChunk(target.endChunk, target.endIndex + suffix.length);
              suffix = suffix + readUntilWhitespace(seekerAtTarget, maxWordLength, false);
            } // Search for matches of the quote using the current prefix and suffix. At
            // each unintended match we encounter, we extend the prefix or suffix to
            // ensure it will no longer match.


          case 11:
            if (!true) {
              _context.next = 48;
              break;
            }

            tentativeSelector = {
              type: 'TextQuoteSelector',
              exact: exact,
              prefix: prefix,
              suffix: suffix
            };
            matches = textQuoteSelectorMatcher(tentativeSelector)(scope());
            _context.next = 16;
            return matches.next();

          case 16:
            nextMatch = _context.sent;

            if (!(!nextMatch.done && chunkRangeEquals(nextMatch.value, target))) {
              _context.next = 21;
              break;
            }

            _context.next = 20;
            return matches.next();

          case 20:
            nextMatch = _context.sent;

          case 21:
            if (!nextMatch.done) {
              _context.next = 23;
              break;
            }

            return _context.abrupt("return", tentativeSelector);

          case 23:
            // Possible optimisation: A subsequent search could safely skip the part we
            // already processed, instead of starting from the beginning again. But we’d
            // need the matcher to start at the seeker’s position, instead of searching
            // in the whole current chunk. Then we could just seek back to just after
            // the start of the prefix: seeker.seekBy(-prefix.length + 1); (don’t forget
            // to also correct for any changes in the prefix we will make below)
            // We’ll have to add more prefix/suffix to disqualify this unintended match.
            unintendedMatch = nextMatch.value; // Count how many characters we’d need as a prefix to disqualify this match.

            seekerAtTarget.seekToChunk(target.startChunk, target.startIndex - prefix.length);
            seekerAtUnintendedMatch.seekToChunk(unintendedMatch.startChunk, unintendedMatch.startIndex - prefix.length);
            extraPrefix = readUntilDifferent(seekerAtTarget, seekerAtUnintendedMatch, true);
            if (extraPrefix !== undefined && !minimalContext) extraPrefix = readUntilWhitespace(seekerAtTarget, maxWordLength, true) + extraPrefix; // Count how many characters we’d need as a suffix to disqualify this match.

            seekerAtTarget.seekToChunk(target.endChunk, target.endIndex + suffix.length);
            seekerAtUnintendedMatch.seekToChunk(unintendedMatch.endChunk, unintendedMatch.endIndex + suffix.length);
            extraSuffix = readUntilDifferent(seekerAtTarget, seekerAtUnintendedMatch, false);
            if (extraSuffix !== undefined && !minimalContext) extraSuffix = extraSuffix + readUntilWhitespace(seekerAtTarget, maxWordLength, false);

            if (!minimalContext) {
              _context.next = 44;
              break;
            }

            if (!(extraPrefix !== undefined && (extraSuffix === undefined || extraPrefix.length <= extraSuffix.length))) {
              _context.next = 37;
              break;
            }

            prefix = extraPrefix + prefix;
            _context.next = 42;
            break;

          case 37:
            if (!(extraSuffix !== undefined)) {
              _context.next = 41;
              break;
            }

            suffix = suffix + extraSuffix;
            _context.next = 42;
            break;

          case 41:
            throw new Error('Target cannot be disambiguated; how could that have happened‽');

          case 42:
            _context.next = 46;
            break;

          case 44:
            // For redundancy, expand both prefix and suffix.
            if (extraPrefix !== undefined) prefix = extraPrefix + prefix;
            if (extraSuffix !== undefined) suffix = suffix + extraSuffix;

          case 46:
            _context.next = 11;
            break;

          case 48:
          case "end":
            return _context.stop();
        }
      }
    }, _callee);
  }));
  return _describeTextQuote.apply(this, arguments);
}

function readUntilDifferent(seeker1, seeker2, reverse) {
  var result = '';

  while (true) {
    var nextCharacter = void 0;

    try {
      nextCharacter = seeker1.read(reverse ? -1 : 1);
    } catch (err) {
      return undefined; // Start/end of text reached: cannot expand result.
    }

    result = reverse ? nextCharacter + result : result + nextCharacter; // Check if the newly added character makes the result differ from the second seeker.

    var comparisonCharacter = void 0;

    try {
      comparisonCharacter = seeker2.read(reverse ? -1 : 1);
    } catch (err) {
      // A RangeError would merely mean seeker2 is exhausted.
      if (!(err instanceof RangeError)) throw err;
    }

    if (nextCharacter !== comparisonCharacter) return result;
  }
}

function readUntilWhitespace(seeker) {
  var limit = arguments.length > 1 && arguments[1] !== undefined ? arguments[1] : Infinity;
  var reverse = arguments.length > 2 && arguments[2] !== undefined ? arguments[2] : false;
  var result = '';

  while (result.length < limit) {
    var nextCharacter = void 0;

    try {
      nextCharacter = seeker.read(reverse ? -1 : 1);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      break; // End/start of text reached.
    } // Stop if we reached whitespace.


    if (isWhitespace(nextCharacter)) {
      seeker.seekBy(reverse ? 1 : -1); // ‘undo’ the last read.

      break;
    }

    result = reverse ? nextCharacter + result : result + nextCharacter;
  }

  return result;
}

function isWhitespace(s) {
  return /^\s+$/.test(s);
}
//# sourceMappingURL=describe-text-quote.js.map