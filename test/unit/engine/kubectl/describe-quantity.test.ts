/**
 * Canonical resource quantities as `kubectl describe` prints them (resource.Quantity.String,
 * k8s.io/apimachinery/pkg/api/resource: CanonicalizeBytes and the quantity_test.go tables).
 */
import { describe, expect, it } from 'vitest';
import { canonicalQuantity } from '../../../../src/engine/kubectl/printers/quantity.ts';

describe('canonicalQuantity', () => {
  it.each([
    ['0.5', '500m', 'DecimalSI: largest suffix keeping an integer'],
    ['0.1', '100m', 'DecimalSI'],
    ['1000m', '1', 'millis that make a whole unit'],
    ['1.5', '1500m', 'no fractional mantissa'],
    ['2000', '2k', 'positive SI exponent'],
    ['128974848', '128974848', 'not a multiple of 1000 stays as is'],
    ['1024Mi', '1Gi', 'BinarySI: largest power of 1024'],
    ['0.5Gi', '512Mi', 'BinarySI fractions that are whole bytes'],
    ['1536Mi', '1536Mi', 'not a multiple of 1Gi'],
    ['1000Ki', '1000Ki', 'binary stays binary'],
    ['1.1Gi', '1181116006400m', 'BinarySI that is not whole bytes falls back to DecimalSI'],
    ['129e6', '129e6', 'DecimalExponent stays exponent'],
    ['1e3', '1e3', 'DecimalExponent'],
    ['0', '0', 'zero'],
  ])('%s → %s (%s)', (input, output) => {
    expect(canonicalQuantity(input)).toBe(output);
  });

  it('leaves text that is not a quantity alone', () => {
    expect(canonicalQuantity('lots')).toBe('lots');
  });
});
