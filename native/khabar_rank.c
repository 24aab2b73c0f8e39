/*
 * khabar_rank: an SQLite loadable extension adding the FTS5 auxiliary function
 *
 *   khabar_bm25(fts_table, max_rowid, cap, w0, w1, …)
 *
 * FTS5's bm25() with one change: the document frequency of each query phrase (for its IDF)
 * is counted over at most `cap` matching rows instead of all of them. bm25() counts every
 * row holding each phrase before scoring the first row (xQueryPhrase over the whole doclist),
 * so a query holding a frequent word costs time linear in the archive whatever the number of
 * rows it ranks. Here the count stops at `cap`; a phrase with more rows has its frequency
 * estimated from how densely its first `cap` rows (lowest rowids, the order FTS5 gives) fill
 * the rowids from the first of them to `max_rowid`:
 *
 *   nHit ≈ cap × (max_rowid − r_first + 1) / (r_cap − r_first + 1), at most the row count.
 *
 * Below the cap (every phrase of every query on an archive of fewer than `cap` articles) the
 * score is bm25()'s exactly: same k1, b, IDF floor, column weights w0, w1, … (1.0 when absent)
 * and sign (negative: ORDER BY score ascending puts the best first).
 *
 * Also, for a query whose every match holds at least one of its phrases (an OR of words and
 * phrases) and has fewer matches than the store's window, where each phrase's document
 * frequency is the number of matches holding it (no second pass over the archive):
 *
 *   khabar_bm25_parts(fts_table, w0, w1, …)  a blob of doubles per row: D (the row's tokens),
 *       the table's row count and token count, the phrase count n, then each phrase's
 *       weighted frequency (as khabar_bm25 sums it) and its instance count (n each);
 *   khabar_bm25_idf(nRow, nHit)  the IDF khabar_bm25 gives a phrase in nHit of nRow rows;
 *   khabar_bm25_idfs(fts_table, max_rowid, cap)  the IDF khabar_bm25 gives each phrase (a
 *       blob of doubles), for a window of at least as many rows as the store ranks (the
 *       frequencies are then counted over the archive as khabar_bm25 counts them).
 *
 * src/store/sqlite.ts sums the score from those as khabar_bm25 does (same operations, same
 * order: the same doubles).
 *
 * Build: `npm run build:native` (scripts/build-native.mjs); src/store/sqlite.ts loads it when built.
 */
#include <math.h>
#include <string.h>
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

typedef struct RankData RankData;
struct RankData {
  int nPhrase;
  double avgdl;
  double *aIDF;
  double *aFreq;
};

typedef struct CountCtx CountCtx;
struct CountCtx {
  sqlite3_int64 n;
  sqlite3_int64 cap;
  sqlite3_int64 first;
  sqlite3_int64 last;
};

static int countCb(const Fts5ExtensionApi *pApi, Fts5Context *pFts, void *pUser) {
  CountCtx *c = (CountCtx *)pUser;
  sqlite3_int64 rowid = pApi->xRowid(pFts);
  if (c->n == 0) c->first = rowid;
  c->last = rowid;
  c->n++;
  return c->n >= c->cap ? SQLITE_DONE : SQLITE_OK;
}

static double idfOf(double nRow, double nHit) {
  double idf = log((nRow - nHit + 0.5) / (nHit + 0.5));
  return idf <= 0.0 ? 1e-6 : idf;
}

static int rankData(const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_int64 maxRowid,
                    sqlite3_int64 cap, RankData **pp) {
  int rc = SQLITE_OK;
  RankData *p = (RankData *)pApi->xGetAuxdata(pFts, 0);
  if (p == 0) {
    sqlite3_int64 nRow = 0, nToken = 0;
    int i;
    int nPhrase = pApi->xPhraseCount(pFts);
    sqlite3_int64 nByte = sizeof(RankData) + nPhrase * 2 * sizeof(double);
    p = (RankData *)sqlite3_malloc64(nByte);
    if (p == 0) return SQLITE_NOMEM;
    memset(p, 0, (size_t)nByte);
    p->nPhrase = nPhrase;
    p->aIDF = (double *)&p[1];
    p->aFreq = &p->aIDF[nPhrase];
    rc = pApi->xRowCount(pFts, &nRow);
    if (rc == SQLITE_OK) rc = pApi->xColumnTotalSize(pFts, -1, &nToken);
    if (rc == SQLITE_OK) p->avgdl = nRow > 0 ? (double)nToken / (double)nRow : 1.0;
    for (i = 0; rc == SQLITE_OK && i < nPhrase; i++) {
      CountCtx c = {0, cap > 0 ? cap : ((sqlite3_int64)1 << 62), 0, 0};
      double nHit;
      rc = pApi->xQueryPhrase(pFts, i, (void *)&c, countCb);
      if (rc != SQLITE_OK) break;
      nHit = (double)c.n;
      if (c.n >= c.cap && c.last > c.first && maxRowid > c.first) {
        nHit = (double)c.n * (double)(maxRowid - c.first + 1) / (double)(c.last - c.first + 1);
        if (nHit > (double)nRow) nHit = (double)nRow;
      }
      p->aIDF[i] = idfOf((double)nRow, nHit);
    }
    if (rc != SQLITE_OK) {
      sqlite3_free(p);
      return rc;
    }
    rc = pApi->xSetAuxdata(pFts, p, sqlite3_free);
    if (rc != SQLITE_OK) return rc;
  }
  *pp = p;
  return SQLITE_OK;
}

static void khabarBm25(const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_context *pCtx, int nVal,
                       sqlite3_value **apVal) {
  const double k1 = 1.2, b = 0.75;
  double score = 0.0, D = 0.0;
  RankData *pData = 0;
  int rc, i, nInst = 0;
  if (nVal < 2) {
    sqlite3_result_error(pCtx, "khabar_bm25(fts, max_rowid, cap, weights…): too few arguments", -1);
    return;
  }
  rc = rankData(pApi, pFts, sqlite3_value_int64(apVal[0]), sqlite3_value_int64(apVal[1]), &pData);
  if (rc == SQLITE_OK) {
    memset(pData->aFreq, 0, sizeof(double) * pData->nPhrase);
    rc = pApi->xInstCount(pFts, &nInst);
  }
  for (i = 0; rc == SQLITE_OK && i < nInst; i++) {
    int ip, ic, io;
    rc = pApi->xInst(pFts, i, &ip, &ic, &io);
    if (rc == SQLITE_OK) pData->aFreq[ip] += (nVal - 2 > ic) ? sqlite3_value_double(apVal[2 + ic]) : 1.0;
  }
  if (rc == SQLITE_OK) {
    int nTok;
    rc = pApi->xColumnSize(pFts, -1, &nTok);
    D = (double)nTok;
  }
  if (rc == SQLITE_OK) {
    for (i = 0; i < pData->nPhrase; i++) {
      double f = pData->aFreq[i];
      score += pData->aIDF[i] * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * D / pData->avgdl)));
    }
    sqlite3_result_double(pCtx, -1.0 * score);
  } else {
    sqlite3_result_error_code(pCtx, rc);
  }
}

/* The table's row and token counts, read once per query. */
typedef struct PartsData PartsData;
struct PartsData {
  sqlite3_int64 nRow;
  sqlite3_int64 nToken;
};

static void khabarBm25Parts(const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_context *pCtx,
                            int nVal, sqlite3_value **apVal) {
  PartsData *pData = (PartsData *)pApi->xGetAuxdata(pFts, 0);
  int rc = SQLITE_OK, i, nInst = 0, nTok = 0;
  int nPhrase = pApi->xPhraseCount(pFts);
  double *a;
  if (pData == 0) {
    pData = (PartsData *)sqlite3_malloc64(sizeof(PartsData));
    if (pData == 0) {
      sqlite3_result_error_nomem(pCtx);
      return;
    }
    memset(pData, 0, sizeof(PartsData));
    rc = pApi->xRowCount(pFts, &pData->nRow);
    if (rc == SQLITE_OK) rc = pApi->xColumnTotalSize(pFts, -1, &pData->nToken);
    if (rc == SQLITE_OK) rc = pApi->xSetAuxdata(pFts, pData, sqlite3_free);
    else sqlite3_free(pData);
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(pCtx, rc);
      return;
    }
  }
  a = (double *)sqlite3_malloc64(sizeof(double) * (4 + 2 * (sqlite3_int64)nPhrase));
  if (a == 0) {
    sqlite3_result_error_nomem(pCtx);
    return;
  }
  memset(a, 0, sizeof(double) * (4 + 2 * (size_t)nPhrase));
  rc = pApi->xInstCount(pFts, &nInst);
  for (i = 0; rc == SQLITE_OK && i < nInst; i++) {
    int ip, ic, io;
    rc = pApi->xInst(pFts, i, &ip, &ic, &io);
    if (rc == SQLITE_OK) {
      a[4 + ip] += (nVal > ic) ? sqlite3_value_double(apVal[ic]) : 1.0;
      a[4 + nPhrase + ip] += 1.0;
    }
  }
  if (rc == SQLITE_OK) rc = pApi->xColumnSize(pFts, -1, &nTok);
  if (rc != SQLITE_OK) {
    sqlite3_free(a);
    sqlite3_result_error_code(pCtx, rc);
    return;
  }
  a[0] = (double)nTok;
  a[1] = (double)pData->nRow;
  a[2] = (double)pData->nToken;
  a[3] = (double)nPhrase;
  sqlite3_result_blob(pCtx, a, (int)(sizeof(double) * (4 + 2 * (size_t)nPhrase)), sqlite3_free);
}

/* khabar_bm25_idfs(fts, max_rowid, cap): khabar_bm25's IDF of each phrase, a blob of doubles. */
static void khabarBm25Idfs(const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_context *pCtx,
                           int nVal, sqlite3_value **apVal) {
  RankData *pData = 0;
  int rc;
  if (nVal < 2) {
    sqlite3_result_error(pCtx, "khabar_bm25_idfs(fts, max_rowid, cap): too few arguments", -1);
    return;
  }
  rc = rankData(pApi, pFts, sqlite3_value_int64(apVal[0]), sqlite3_value_int64(apVal[1]), &pData);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(pCtx, rc);
    return;
  }
  sqlite3_result_blob(pCtx, pData->aIDF, (int)(sizeof(double) * (size_t)pData->nPhrase), SQLITE_TRANSIENT);
}

static void khabarBm25Idf(sqlite3_context *pCtx, int nVal, sqlite3_value **apVal) {
  (void)nVal;
  sqlite3_result_double(pCtx, idfOf(sqlite3_value_double(apVal[0]), sqlite3_value_double(apVal[1])));
}

static fts5_api *fts5Api(sqlite3 *db) {
  fts5_api *pRet = 0;
  sqlite3_stmt *pStmt = 0;
  if (SQLITE_OK == sqlite3_prepare(db, "SELECT fts5(?1)", -1, &pStmt, 0)) {
    sqlite3_bind_pointer(pStmt, 1, (void *)&pRet, "fts5_api_ptr", NULL);
    sqlite3_step(pStmt);
  }
  sqlite3_finalize(pStmt);
  return pRet;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_khabarrank_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi) {
  fts5_api *fts;
  SQLITE_EXTENSION_INIT2(pApi);
  fts = fts5Api(db);
  if (fts == 0 || fts->iVersion < 2) {
    *pzErrMsg = sqlite3_mprintf("khabar_rank: FTS5 is not available");
    return SQLITE_ERROR;
  }
  {
    int rc = fts->xCreateFunction(fts, "khabar_bm25", 0, khabarBm25, 0);
    if (rc == SQLITE_OK) rc = fts->xCreateFunction(fts, "khabar_bm25_parts", 0, khabarBm25Parts, 0);
    if (rc == SQLITE_OK) rc = fts->xCreateFunction(fts, "khabar_bm25_idfs", 0, khabarBm25Idfs, 0);
    if (rc == SQLITE_OK)
      rc = sqlite3_create_function(db, "khabar_bm25_idf", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, 0,
                                   khabarBm25Idf, 0, 0);
    return rc;
  }
}
