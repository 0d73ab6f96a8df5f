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
import _wrapAsyncGenerator from "@babel/runtime-corejs3/helpers/esm/wrapAsyncGenerator";
import _awaitAsyncGenerator from "@babel/runtime-corejs3/helpers/esm/awaitAsyncGenerator";
import _asyncGeneratorDelegate from "@babel/runtime-corejs3/helpers/esm/asyncGeneratorDelegate";
import _asyncIterator from "@babel/runtime-corejs3/helpers/esm/asyncIterator";
import _regeneratorRuntime from "@babel/runtime-corejs3/regenerator";
export * from "./text/index.js";
/**
 * Wrap a matcher creation function so that it supports refinement of selection.
 *
 * See {@link https://www.w3.org/TR/2017/REC-annotation-model-20170223/#refinement-of-selection
 * | §4.2.9 Refinement of Selection} in the Web Annotation Data Model.
 *
 * @param matcherCreator - The function to wrap; it will be executed both for
 * {@link Selector}s passed to the returned wrapper function, and for any
 * refining Selector those might contain (and any refinement of that, etc.).
 *
 * @public
 */

export function makeRefinable(matcherCreator) {
  return function createMatcherWithRefinement(sourceSelector) {
    var matcher = matcherCreator(sourceSelector);

    if (sourceSelector.refinedBy) {
      var refiningSelector = createMatcherWithRefinement(sourceSelector.refinedBy);
      return /*#__PURE__*/function () {
        var _matchAll = _wrapAsyncGenerator( /*#__PURE__*/_regeneratorRuntime.mark(function _callee(scope) {
          var _iteratorNormalCompletion, _didIteratorError, _iteratorError, _iterator, _step, _value, match;

          return _regeneratorRuntime.wrap(function _callee$(_context) {
            while (1) {
              switch (_context.prev = _context.next) {
                case 0:
                  _iteratorNormalCompletion = true;
                  _didIteratorError = false;
                  _context.prev = 2;
                  _iterator = _asyncIterator(matcher(scope));

                case 4:
                  _context.next = 6;
                  return _awaitAsyncGenerator(_iterator.next());

                case 6:
                  _step = _context.sent;
                  _iteratorNormalCompletion = _step.done;
                  _context.next = 10;
                  return _awaitAsyncGenerator(_step.value);

                case 10:
                  _value = _context.sent;

                  if (_iteratorNormalCompletion) {
                    _context.next = 17;
                    break;
                  }

                  match = _value;
                  return _context.delegateYield(_asyncGeneratorDelegate(_asyncIterator(refiningSelector(match)), _awaitAsyncGenerator), "t0", 14);

                case 14:
                  _iteratorNormalCompletion = true;
                  _context.next = 4;
                  break;

                case 17:
                  _context.next = 23;
                  break;

                case 19:
                  _context.prev = 19;
                  _context.t1 = _context["catch"](2);
                  _didIteratorError = true;
                  _iteratorError = _context.t1;

                case 23:
                  _context.prev = 23;
                  _context.prev = 24;

                  if (!(!_iteratorNormalCompletion && _iterator.return != null)) {
                    _context.next = 28;
                    break;
                  }

                  _context.next = 28;
                  return _awaitAsyncGenerator(_iterator.return());

                case 28:
                  _context.prev = 28;

                  if (!_didIteratorError) {
                    _context.next = 31;
                    break;
                  }

                  throw _iteratorError;

                case 31:
                  return _context.finish(28);

                case 32:
                  return _context.finish(23);

                case 33:
                case "end":
                  return _context.stop();
              }
            }
          }, _callee, null, [[2, 19, 23, 33], [24,, 28, 32]]);
        }));

        function matchAll(_x) {
          return _matchAll.apply(this, arguments);
        }

        return matchAll;
      }();
    }

    return matcher;
  };
}
//# sourceMappingURL=index.js.map