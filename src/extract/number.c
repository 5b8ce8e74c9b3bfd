/* number.c - numbers in Chinese text (number.h). */
#include "extract/number.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

static int digit_of(uint32_t cp)
{
	static const uint32_t d[] = { 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
				      0x516D, 0x4E03, 0x516B, 0x4E5D };  /* 零一二三四五六七八九 */
	for (int i = 0; i < 10; i++)
		if (cp == d[i])
			return i;
	if (cp == 0x4E24)       /* 两 */
		return 2;
	if (cp == 0x3007)       /* 〇 */
		return 0;
	return -1;
}

static double magnitude(uint32_t cp)
{
	switch (cp) {
	case 0x5341: return 10;         /* 十 */
	case 0x767E: return 100;        /* 百 */
	case 0x5343: return 1000;       /* 千 */
	case 0x4E07: return 1e4;        /* 万 */
	case 0x4EBF: return 1e8;        /* 亿 */
	default: return 0;
	}
}

/* 一百二十三, 两千, 十五, 千 (alone: one thousand). */
static bool parse_chinese(const char *s, size_t n, double *value)
{
	double total = 0, section = 0, digit = -1;
	size_t i = 0;
	bool any = false;
	while (i < n) {
		uint32_t cp = brief_utf8_next(s, n, &i);
		int d = digit_of(cp);
		double m = magnitude(cp);
		if (d >= 0) {
			digit = d;
		} else if (m >= 1e4) {
			section += digit > 0 ? digit : 0;
			if (section == 0)
				section = 1;
			total = (total + section) * m;
			section = 0;
			digit = -1;
		} else if (m > 0) {
			section += (digit >= 0 ? digit : 1) * m;
			digit = -1;
		} else {
			return false;
		}
		any = true;
	}
	if (digit > 0)
		section += digit;
	*value = total + section;
	return any;
}

/* 1,480 / 801.57 / 1/3 / 3.5万 / 2000億: digits with an optional
 * trailing 万 or 亿 multiplier. */
static bool parse_arabic(const char *s, size_t n, double *value)
{
	char buf[64];
	size_t k = 0, i = 0;
	while (i < n && k + 1 < sizeof buf) {
		char c = s[i];
		if ((c >= '0' && c <= '9') || c == '.' || c == '/')
			buf[k++] = c;
		else if (c != ',' && c != ' ')
			break;
		i++;
	}
	buf[k] = '\0';
	if (k == 0 || buf[0] == '.' || buf[0] == '/')
		return false;
	char *slash = strchr(buf, '/');
	if (slash) {
		double a = strtod(buf, NULL), b = strtod(slash + 1, NULL);
		if (b == 0)
			return false;
		*value = a / b;
	} else {
		*value = strtod(buf, NULL);
	}
	if (i < n) {
		size_t j = i;
		double m = magnitude(brief_utf8_next(s, n, &j));
		if (m < 1e4 || j != n)
			return false;
		*value *= m;
	}
	return true;
}

bool brief_number_parse(const char *s, size_t n, double *value)
{
	if (n == 0)
		return false;
	if ((s[0] >= '0' && s[0] <= '9'))
		return parse_arabic(s, n, value);
	return parse_chinese(s, n, value);
}
