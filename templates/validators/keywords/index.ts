/**
 * Every keyword the validator compiler knows, in evaluation order: the type check first, then assertions by
 * instance type, then applicators; `unevaluated*` last (they need every other keyword's annotations).
 */
import type { Keyword } from "../context.js";
import { additionalProperties } from "./additionalProperties.js";
import { allOf } from "./allOf.js";
import { anyOf } from "./anyOf.js";
import { constKeyword } from "./const.js";
import { contains } from "./contains.js";
import { dependentRequired } from "./dependentRequired.js";
import { dependentSchemas } from "./dependentSchemas.js";
import { discriminator } from "./discriminator.js";
import { dynamicRef, recursiveRef } from "./dynamicRef.js";
import { enumKeyword } from "./enum.js";
import { exclusiveMaximum } from "./exclusiveMaximum.js";
import { exclusiveMinimum } from "./exclusiveMinimum.js";
import { format } from "./format.js";
import { ifKeyword } from "./if.js";
import { maximum } from "./maximum.js";
import { maxItems } from "./maxItems.js";
import { maxLength } from "./maxLength.js";
import { maxProperties } from "./maxProperties.js";
import { minimum } from "./minimum.js";
import { minItems } from "./minItems.js";
import { minLength } from "./minLength.js";
import { minProperties } from "./minProperties.js";
import { multipleOf } from "./multipleOf.js";
import { not } from "./not.js";
import { oneOf } from "./oneOf.js";
import { pattern } from "./pattern.js";
import { patternProperties } from "./patternProperties.js";
import { items, prefixItems } from "./prefixItems.js";
import { properties } from "./properties.js";
import { propertyNames } from "./propertyNames.js";
import { ref } from "./ref.js";
import { required } from "./required.js";
import { type } from "./type.js";
import { unevaluatedItems, unevaluatedProperties } from "./unevaluated.js";
import { uniqueItems } from "./uniqueItems.js";

export const KEYWORDS: readonly Keyword[] = [
  type,
  enumKeyword,
  constKeyword,
  minLength,
  maxLength,
  pattern,
  format,
  minimum,
  maximum,
  exclusiveMinimum,
  exclusiveMaximum,
  multipleOf,
  minItems,
  maxItems,
  uniqueItems,
  prefixItems,
  items,
  contains,
  required,
  minProperties,
  maxProperties,
  dependentRequired,
  properties,
  patternProperties,
  additionalProperties,
  propertyNames,
  dependentSchemas,
  discriminator,
  ref,
  dynamicRef,
  recursiveRef,
  allOf,
  anyOf,
  oneOf,
  not,
  ifKeyword,
  unevaluatedProperties,
  unevaluatedItems,
];

export const UNEVALUATED = new Set(["unevaluatedProperties", "unevaluatedItems"]);
