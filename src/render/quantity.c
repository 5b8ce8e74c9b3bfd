#include "render/quantity.h"

static bool in(uint32_t cp, const uint32_t *set)
{
	for (; *set; set++)
		if (*set == cp)
			return true;
	return false;
}

/* The units and classifiers that follow figures in planning news (亿 万
 * 元 千 百 个 家 项 名 倍 平 方 米 公 里 吨 辆 户 人 次 亩 度 位 座 条 台 套
 * 所 级 年 月 日 点 分 美 成 兆 瓦 立), the percent and per-mille signs. */
bool brief_quantity_unit(uint32_t cp)
{
	static const uint32_t set[] = {
		0x4EBF, 0x4E07, 0x5143, 0x5343, 0x767E, 0x4E2A, 0x5BB6, 0x9879,
		0x540D, 0x500D, 0x5E73, 0x65B9, 0x7C73, 0x516C, 0x91CC, 0x5428,
		0x8F86, 0x6237, 0x4EBA, 0x6B21, 0x4EA9, 0x5EA6, 0x4F4D, 0x5EA7,
		0x6761, 0x53F0, 0x5957, 0x6240, 0x7EA7, 0x5E74, 0x6708, 0x65E5,
		0x70B9, 0x5206, 0x7F8E, 0x6210, 0x5146, 0x74E6, 0x5343, 0x7ACB,
		'%', 0x2030, 0x2103, 0xFF05, 0
	};
	return in(cp, set);
}

bool brief_quantity_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

