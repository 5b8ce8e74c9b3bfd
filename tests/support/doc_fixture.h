/*
 * doc_fixture.h - hand-built briefing models for renderer tests, so the
 * renderers are tested without the database (as they run).
 */
#ifndef BRIEF_TEST_DOC_FIXTURE_H
#define BRIEF_TEST_DOC_FIXTURE_H

#include "brief.h"

/* 钱塘区 2025, with content from the seed articles: targets (one
 * conflict), 2024 results, scorecard, projects, clusters in tiers,
 * siblings for two indicators, three sources. */
void brief_test_doc(brief_doc *d);
/* Collects the appendix's clauses again, after a test changed the rows. */
void brief_test_doc_appendix(brief_doc *d);

/* The same with `extra` more projects (long tables that split). */
void brief_test_doc_long(brief_doc *d, size_t extra);

/* A model whose text fields carry TeX/markup specials and injection
 * attempts: \input{/etc/passwd}, \write18{...}, \catcode, $ & # ^ _ % ~ { }. */
void brief_test_doc_hostile(brief_doc *d);

#endif
