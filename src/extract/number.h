/*
 * number.h - numbers as Chinese news writes them: 801.57, 1,480, 1/3,
 * 一百, 两, 千亿, 万亿, 3.5万. Used by the extractor's parts.
 */
#ifndef BRIEF_NUMBER_H
#define BRIEF_NUMBER_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Parses the number spelled by s[0..n): Arabic digits (with separators
 * and decimals), a fraction a/b, or Chinese numerals with 十百千万亿
 * magnitudes. Returns true and the value; false when it is no number.
 */
bool brief_number_parse(const char *s, size_t n, double *value);

#endif
