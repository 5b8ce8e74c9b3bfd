/* Tests of src/store/db.c: schema, atomic article writes, round trips. */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "store/db.h"

static char dbpath[64];

static void silent(void *user, brief_severity sev, const char *msg)
{
	(void)user, (void)sev, (void)msg;
}

static brief_diag diag = { .sink = silent };

static void setup(void)
{
	snprintf(dbpath, sizeof dbpath, "/tmp/brief-test-db-%d.db", getpid());
	unlink(dbpath);
}

static void teardown(void)
{
	char p[80];
	unlink(dbpath);
	snprintf(p, sizeof p, "%s-wal", dbpath);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", dbpath);
	unlink(p);
}

/* A small article; `variant` changes its content (and so its hash). */
static void make_article(brief_article *a, const char *path, int variant)
{
	static const char text[] = "余杭区锚定GDP增长6%。“十四五”收官之年，确保固投超1000亿元！\n钱塘区力争突破4000亿元。";
	memset(a, 0, sizeof *a);
	a->path = strdup(path);
	a->name = strdup(strrchr(path, '/') ? strrchr(path, '/') + 1 : path);
	a->encoding = strdup("UTF-8");
	a->original = strdup(text);
	a->original_len = strlen(text);
	a->clean_orig = strdup(text);
	a->clean_orig_len = strlen(text);
	a->text = strdup(text);
	a->text_len = strlen(text);
	a->published = strdup("2025-02-05");
	snprintf(a->hash, sizeof a->hash, "%064d", variant);
	const char *p2 = strstr(text, "“");
	const char *p3 = strstr(text, "\n");
	a->nsents = 3;
	a->sents = calloc(3, sizeof *a->sents);
	a->sents[0] = (brief_sentence){ 0, (size_t)(p2 - text), 0 };
	a->sents[1] = (brief_sentence){ (size_t)(p2 - text), (size_t)(p3 - text), 0 };
	a->sents[2] = (brief_sentence){ (size_t)(p3 - text) + 1, strlen(text), 1 };
	a->ngarbles = 1;
	a->garbles = calloc(1, sizeof *a->garbles);
	a->garbles[0] = (brief_garble){ a->sents[2].start, a->sents[2].start + 6,
					"garbled" };
}

static void one_fact(brief_facts *fs)
{
	brief_fact *f = brief_facts_push(fs);
	f->type = BRIEF_FACT_TARGET;
	f->region = strdup("余杭区");
	f->region_code = strdup("330110");
	f->indicator = strdup("GDP");
	f->has_value = true;
	f->value = 6;
	f->unit = strdup("%");
	f->year = 2025;
	f->evidence = strdup("余杭区锚定GDP增长6%");
}

static long long count(brief_db *db, const char *sql)
{
	sqlite3_stmt *st;
	long long n = -1;
	cr_assert_eq(sqlite3_prepare_v2(brief_db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

TestSuite(db, .init = setup, .fini = teardown);

Test(db, migrates_and_reopens)
{
	brief_db *db = brief_db_open(dbpath, &diag);
	cr_assert_not_null(db);
	cr_assert_eq(count(db, "PRAGMA user_version"), 5);
	cr_assert_eq(count(db, "SELECT count(*) FROM sqlite_master WHERE name = 'facts'"), 1);
	brief_db_close(db);
	db = brief_db_open(dbpath, &diag);
	cr_assert_not_null(db);
	brief_db_close(db);
}

Test(db, refuses_a_newer_schema)
{
	brief_db *db = brief_db_open(dbpath, &diag);
	sqlite3_exec(brief_db_handle(db), "PRAGMA user_version = 99", 0, 0, 0);
	brief_db_close(db);
	size_t before = diag.nerrors;
	cr_assert_null(brief_db_open(dbpath, &diag));
	cr_assert_eq(diag.nerrors, before + 1);
}

Test(db, stores_and_loads_with_char_offsets)
{
	brief_db *db = brief_db_open(dbpath, &diag);
	brief_article a, b;
	brief_facts fs = { 0 };
	long long id;
	brief_stored how;

	make_article(&a, "/data/a.txt", 1);
	one_fact(&fs);
	cr_assert_eq(brief_db_store(db, &a, &fs, &id, &how), 0);
	cr_assert_eq(how, BRIEF_STORED_NEW);
	/* "余杭区锚定GDP增长6%。" is 13 characters: stored as chars. */
	cr_assert_eq(count(db, "SELECT end FROM sentences WHERE idx = 0"), 13);
	cr_assert_eq(count(db, "SELECT count(*) FROM facts"), 1);
	cr_assert_eq(brief_db_load(db, id, &b), 0);
	cr_assert_str_eq(b.text, a.text);
	cr_assert_eq(b.nsents, 3);
	for (size_t i = 0; i < 3; i++) {
		cr_assert_eq(b.sents[i].start, a.sents[i].start);
		cr_assert_eq(b.sents[i].end, a.sents[i].end);
		cr_assert_eq(b.sents[i].para, a.sents[i].para);
	}
	cr_assert_eq(b.ngarbles, 1);
	cr_assert_eq(b.garbles[0].start, a.garbles[0].start);
	cr_assert_eq(b.garbles[0].end, a.garbles[0].end);
	cr_assert_str_eq(b.published, "2025-02-05");
	cr_assert_eq(brief_db_resolve(db, "a.txt"), id);
	cr_assert_eq(brief_db_resolve(db, "999"), 0);
	brief_article_free(&a);
	brief_article_free(&b);
	brief_facts_free(&fs);
	brief_db_close(db);
}

Test(db, unchanged_and_replaced)
{
	brief_db *db = brief_db_open(dbpath, &diag);
	brief_article a;
	brief_facts fs = { 0 };
	long long id1, id2;
	brief_stored how;

	one_fact(&fs);
	make_article(&a, "/data/a.txt", 1);
	cr_assert_eq(brief_db_store(db, &a, &fs, &id1, &how), 0);
	cr_assert_eq(brief_db_store(db, &a, &fs, &id2, &how), 0);
	cr_assert_eq(how, BRIEF_STORED_UNCHANGED);
	cr_assert_eq(id1, id2);
	brief_article_free(&a);
	make_article(&a, "/data/a.txt", 2);
	cr_assert_eq(brief_db_store(db, &a, &fs, &id2, &how), 0);
	cr_assert_eq(how, BRIEF_STORED_REPLACED);
	cr_assert_neq(id1, id2);
	cr_assert_eq(count(db, "SELECT count(*) FROM documents"), 1);
	/* the old version's rows went with it */
	cr_assert_eq(count(db, "SELECT count(*) FROM sentences"), 3);
	cr_assert_eq(count(db, "SELECT count(*) FROM facts"), 1);
	brief_article_free(&a);
	brief_facts_free(&fs);
	brief_db_close(db);
}

/* A newer brief reads stored content otherwise: its facts are replaced,
 * the document kept; the same facts again leave it as it was. */
Test(db, unchanged_content_read_anew_gets_the_new_facts)
{
	brief_db *db = brief_db_open(dbpath, &diag);
	brief_article a;
	brief_facts fs = { 0 };
	long long id1, id2;
	brief_stored how;

	one_fact(&fs);
	make_article(&a, "/data/a.txt", 1);
	cr_assert_eq(brief_db_store(db, &a, &fs, &id1, &how), 0);
	free(fs.v[0].indicator);
	fs.v[0].indicator = strdup("规上工业增加值");
	cr_assert_eq(brief_db_store(db, &a, &fs, &id2, &how), 0);
	cr_assert_eq(how, BRIEF_STORED_REEXTRACTED);
	cr_assert_eq(id1, id2, "the document is kept");
	cr_assert_eq(count(db, "SELECT count(*) FROM facts WHERE indicator = '规上工业增加值'"), 1);
	cr_assert_eq(count(db, "SELECT count(*) FROM facts"), 1);
	cr_assert_eq(brief_db_store(db, &a, &fs, &id2, &how), 0);
	cr_assert_eq(how, BRIEF_STORED_UNCHANGED);
	/* a title read otherwise is stored anew too */
	free(a.title);
	a.title = strdup("新年新气象，击鼓又催征");
	cr_assert_eq(brief_db_store(db, &a, &fs, &id2, &how), 0);
	cr_assert_eq(how, BRIEF_STORED_REEXTRACTED);
	cr_assert_eq(count(db, "SELECT count(*) FROM documents WHERE title = '新年新气象，击鼓又催征'"), 1);
	brief_article_free(&a);
	brief_facts_free(&fs);
	brief_db_close(db);
}

/* A writer killed at random moments never leaves a document without all
 * its sentences and facts, and the database stays intact. */
Test(db, sigkill_leaves_whole_documents, .timeout = 60)
{
	srand(12345);
	for (int round = 0; round < 8; round++) {
		pid_t pid = fork();
		cr_assert_neq(pid, -1);
		if (pid == 0) {
			brief_diag quiet = { .sink = silent };
			brief_db *db = brief_db_open(dbpath, &quiet);
			for (int i = 0; db && i < 100000; i++) {
				brief_article a;
				brief_facts fs = { 0 };
				long long id;
				brief_stored how;
				char path[64];
				snprintf(path, sizeof path, "/data/%d-%d.txt", round, i);
				make_article(&a, path, round * 100000 + i + 10);
				one_fact(&fs);
				brief_db_store(db, &a, &fs, &id, &how);
				brief_article_free(&a);
				brief_facts_free(&fs);
			}
			_exit(0);
		}
		struct timespec ts = { 0, 20000000L + (rand() % 80) * 1000000L };
		nanosleep(&ts, NULL);
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	brief_db *db = brief_db_open(dbpath, &diag);
	cr_assert_not_null(db);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(brief_db_handle(db), "PRAGMA integrity_check", -1, &st, NULL);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_assert_str_eq((const char *)sqlite3_column_text(st, 0), "ok");
	sqlite3_finalize(st);
	cr_assert_gt(count(db, "SELECT count(*) FROM documents"), 0);
	cr_assert_eq(count(db, "SELECT count(*) FROM documents d WHERE "
			       "(SELECT count(*) FROM sentences s WHERE s.doc_id = d.id) != 3 "
			       "OR (SELECT count(*) FROM facts f WHERE f.doc_id = d.id) != 1"), 0);
	brief_db_close(db);
}

Test(db, migrates_an_older_database)
{
	brief_db *db = brief_db_open(dbpath, &diag);
	sqlite3_exec(brief_db_handle(db), "DROP TABLE mail_sent; DROP INDEX facts_parent;"
		     " ALTER TABLE facts DROP COLUMN scope;"
		     " ALTER TABLE documents DROP COLUMN facts_digest;"
		     " PRAGMA user_version = 1", 0, 0, 0);
	brief_db_close(db);
	db = brief_db_open(dbpath, &diag);
	cr_assert_not_null(db);
	cr_assert_eq(count(db, "PRAGMA user_version"), 5);
	cr_assert_eq(count(db, "SELECT count(*) FROM sqlite_master WHERE name = 'facts_parent'"), 1);
	cr_assert_eq(count(db, "SELECT count(*) FROM pragma_table_info('documents')"
			       " WHERE name = 'facts_digest'"), 1);
	cr_assert_eq(count(db, "SELECT count(*) FROM pragma_table_info('facts') WHERE name = 'scope'"), 1);
	cr_assert_eq(brief_db_mail_sent(db, "k"), 0);
	cr_assert_eq(brief_db_mail_record(db, "k", "id@x", "钱塘区", 2025, "a@b.cn"), 0);
	cr_assert_eq(brief_db_mail_sent(db, "k"), 1);
	brief_db_close(db);
}
