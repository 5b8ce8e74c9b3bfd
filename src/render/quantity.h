/*
 * quantity.h - what a number and its unit are made of, for the rule
 * both typesetters follow: a number keeps its unit on its line ("5.5%",
 * "2200亿元", "60个" never split). Format-neutral: the PDF line breaker
 * and the LaTeX escaper both use it.
 */
#ifndef BRIEF_QUANTITY_H
#define BRIEF_QUANTITY_H

#include <stdbool.h>
#include <stdint.h>

/* An ASCII or full-width digit: what starts a quantity. */
bool brief_quantity_digit(uint32_t cp);
/* A character that continues a quantity after its digits: 亿元, 万平方米,
 * 个百分点, %, ‰ ... */
bool brief_quantity_unit(uint32_t cp);

#endif
