/*
 * trackml_event.c — TrackML CSV reading for the C example (see trackml_event.h).
 *
 * zlib's gzopen reads both compressed and plain files, so one code path serves .csv and .csv.gz.
 */
#include "trackml_event.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include <weft.h>

#define MAX_LINE 4096
#define MAX_COLUMNS 32

/* An open CSV file with its header split into column names. */
typedef struct {
    gzFile file;
    char path[1024];
    long line;
    char header[MAX_LINE];
    char *names[MAX_COLUMNS];
    int columns;
    char row[MAX_LINE];
    char *fields[MAX_COLUMNS];
} csv_reader;

/* Splits `text` in place at commas (and strips the line end); returns the number of fields. */
static int split(char *text, char **fields) {
    int n = 0;
    text[strcspn(text, "\r\n")] = '\0';
    fields[n++] = text;
    for (char *c = text; *c != '\0'; ++c) {
        if (*c == ',') {
            *c = '\0';
            if (n == MAX_COLUMNS) return -1;
            fields[n++] = c + 1;
        }
    }
    return n;
}

/* Opens PREFIX-PART.csv.gz or PREFIX-PART.csv. Returns 0, 1 when neither exists, -1 on error. */
static int csv_open(csv_reader *r, const char *prefix, const char *part) {
    static const char *suffixes[] = {".csv.gz", ".csv"};
    memset(r, 0, sizeof *r);
    for (int s = 0; s < 2; ++s) {
        int n = snprintf(r->path, sizeof r->path, "%s-%s%s", prefix, part, suffixes[s]);
        if (n < 0 || (size_t)n >= sizeof r->path) {
            fprintf(stderr, "%s-%s: path too long\n", prefix, part);
            return -1;
        }
        FILE *probe = fopen(r->path, "rb");
        if (probe == NULL) continue;
        fclose(probe);
        r->file = gzopen(r->path, "rb");
        if (r->file == NULL) {
            fprintf(stderr, "%s: cannot open: %s\n", r->path, strerror(errno));
            return -1;
        }
        if (gzgets(r->file, r->header, sizeof r->header) == NULL) {
            fprintf(stderr, "%s: empty file or read error\n", r->path);
            gzclose(r->file);
            return -1;
        }
        r->line = 1;
        r->columns = split(r->header, r->names);
        if (r->columns < 0) {
            fprintf(stderr, "%s:1: more than %d columns\n", r->path, MAX_COLUMNS);
            gzclose(r->file);
            return -1;
        }
        return 0;
    }
    return 1;
}

/* The index of column `name`, or -1 after printing an error. */
static int csv_column(const csv_reader *r, const char *name) {
    for (int i = 0; i < r->columns; ++i) {
        if (strcmp(r->names[i], name) == 0) return i;
    }
    fprintf(stderr, "%s:1: no column '%s'\n", r->path, name);
    return -1;
}

/* Reads the next row into r->fields. Returns 1 for a row, 0 at the end, -1 on error. */
static int csv_next(csv_reader *r) {
    for (;;) {
        if (gzgets(r->file, r->row, sizeof r->row) == NULL) {
            int code = 0;
            const char *message = gzerror(r->file, &code);
            if (code != Z_OK && code != Z_STREAM_END) {
                fprintf(stderr, "%s:%ld: read error: %s\n", r->path, r->line + 1, message);
                return -1;
            }
            return 0;
        }
        r->line += 1;
        size_t length = strlen(r->row);
        if (length == sizeof r->row - 1 && r->row[length - 1] != '\n') {
            fprintf(stderr, "%s:%ld: line longer than %d characters\n", r->path, r->line, MAX_LINE - 2);
            return -1;
        }
        if (r->row[strspn(r->row, "\r\n")] == '\0') continue; /* blank line */
        int n = split(r->row, r->fields);
        if (n != r->columns) {
            fprintf(stderr, "%s:%ld: %d fields, the header has %d\n", r->path, r->line, n, r->columns);
            return -1;
        }
        return 1;
    }
}

static int parse_int64(const csv_reader *r, int column, int64_t *value) {
    const char *text = r->fields[column];
    char *end = NULL;
    errno = 0;
    long long v = strtoll(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0') {
        fprintf(stderr, "%s:%ld: column '%s': '%s' is not an integer\n", r->path, r->line, r->names[column], text);
        return -1;
    }
    *value = (int64_t)v;
    return 0;
}

static int parse_int32(const csv_reader *r, int column, int32_t *value) {
    int64_t v = 0;
    if (parse_int64(r, column, &v) != 0) return -1;
    if (v < INT32_MIN || v > INT32_MAX) {
        fprintf(stderr, "%s:%ld: column '%s': %lld is out of range\n", r->path, r->line, r->names[column], (long long)v);
        return -1;
    }
    *value = (int32_t)v;
    return 0;
}

static int parse_float(const csv_reader *r, int column, float *value) {
    const char *text = r->fields[column];
    char *end = NULL;
    errno = 0;
    float v = strtof(text, &end);
    if (errno == ERANGE || end == text || *end != '\0' || !isfinite(v)) {
        fprintf(stderr, "%s:%ld: column '%s': '%s' is not a finite number\n", r->path, r->line, r->names[column], text);
        return -1;
    }
    *value = v;
    return 0;
}

/* Grows an array of `size`-byte elements to hold at least `needed`; returns 0 or -1. */
static int grow(void **array, size_t *capacity, size_t needed, size_t size) {
    if (needed <= *capacity) return 0;
    size_t next = *capacity ? *capacity * 2 : 4096;
    while (next < needed) next *= 2;
    void *p = realloc(*array, next * size);
    if (p == NULL) return -1;
    *array = p;
    *capacity = next;
    return 0;
}

int trackml_read_hits(const char *prefix, trackml_hits *hits) {
    memset(hits, 0, sizeof *hits);
    csv_reader *r = malloc(sizeof *r);
    if (r == NULL) return -1;
    int status = csv_open(r, prefix, "hits");
    if (status != 0) {
        if (status == 1) fprintf(stderr, "%s-hits.csv[.gz]: no such file\n", prefix);
        free(r);
        return -1;
    }
    int c_id = csv_column(r, "hit_id"), c_x = csv_column(r, "x"), c_y = csv_column(r, "y"), c_z = csv_column(r, "z");
    int c_vol = csv_column(r, "volume_id"), c_lay = csv_column(r, "layer_id"), c_mod = csv_column(r, "module_id");
    status = (c_id < 0 || c_x < 0 || c_y < 0 || c_z < 0 || c_vol < 0 || c_lay < 0 || c_mod < 0) ? -1 : 0;
    size_t capacity[5] = {0, 0, 0, 0, 0};
    int row;
    while (status == 0 && (row = csv_next(r)) != 0) {
        size_t n = hits->count;
        int32_t volume = 0, layer = 0, module = 0;
        if (row < 0
            || grow((void **)&hits->hit_id, &capacity[0], n + 1, sizeof *hits->hit_id) != 0
            || grow((void **)&hits->x, &capacity[1], n + 1, sizeof *hits->x) != 0
            || grow((void **)&hits->y, &capacity[2], n + 1, sizeof *hits->y) != 0
            || grow((void **)&hits->z, &capacity[3], n + 1, sizeof *hits->z) != 0
            || grow((void **)&hits->geometry_id, &capacity[4], n + 1, sizeof *hits->geometry_id) != 0) {
            if (row > 0) fprintf(stderr, "%s: out of memory\n", r->path);
            status = -1;
            break;
        }
        if (parse_int64(r, c_id, &hits->hit_id[n]) != 0 || parse_float(r, c_x, &hits->x[n]) != 0
            || parse_float(r, c_y, &hits->y[n]) != 0 || parse_float(r, c_z, &hits->z[n]) != 0
            || parse_int32(r, c_vol, &volume) != 0 || parse_int32(r, c_lay, &layer) != 0
            || parse_int32(r, c_mod, &module) != 0) {
            status = -1;
            break;
        }
        hits->geometry_id[n] = weft_geometry_id(volume, layer, module);
        if (hits->geometry_id[n] == 0) {
            fprintf(stderr, "%s:%ld: %s\n", r->path, r->line, weft_last_error());
            status = -1;
            break;
        }
        hits->count = n + 1;
    }
    gzclose(r->file);
    free(r);
    if (status != 0) trackml_hits_free(hits);
    return status;
}

/* A hit id and its row, for mapping cells to hits. */
typedef struct {
    int64_t id;
    int32_t row;
} id_row;

static int compare_id_row(const void *a, const void *b) {
    int64_t x = ((const id_row *)a)->id, y = ((const id_row *)b)->id;
    return (x > y) - (x < y);
}

int trackml_read_cells(const char *prefix, const trackml_hits *hits, trackml_cells *cells) {
    memset(cells, 0, sizeof *cells);
    if (hits->count > INT32_MAX) {
        fprintf(stderr, "%s: too many hits to index\n", prefix);
        return -1;
    }
    csv_reader *r = malloc(sizeof *r);
    id_row *index = malloc((hits->count ? hits->count : 1) * sizeof *index);
    if (r == NULL || index == NULL) {
        free(r);
        free(index);
        return -1;
    }
    int status = csv_open(r, prefix, "cells");
    if (status != 0) {
        free(r);
        free(index);
        return status;
    }
    for (size_t i = 0; i < hits->count; ++i) {
        index[i].id = hits->hit_id[i];
        index[i].row = (int32_t)i;
    }
    qsort(index, hits->count, sizeof *index, compare_id_row);
    int c_id = csv_column(r, "hit_id"), c_0 = csv_column(r, "ch0"), c_1 = csv_column(r, "ch1"), c_v = csv_column(r, "value");
    status = (c_id < 0 || c_0 < 0 || c_1 < 0 || c_v < 0) ? -1 : 0;
    size_t capacity[4] = {0, 0, 0, 0};
    int row;
    while (status == 0 && (row = csv_next(r)) != 0) {
        size_t n = cells->count;
        id_row key = {0, 0};
        if (row < 0
            || grow((void **)&cells->hit_index, &capacity[0], n + 1, sizeof *cells->hit_index) != 0
            || grow((void **)&cells->channel0, &capacity[1], n + 1, sizeof *cells->channel0) != 0
            || grow((void **)&cells->channel1, &capacity[2], n + 1, sizeof *cells->channel1) != 0
            || grow((void **)&cells->value, &capacity[3], n + 1, sizeof *cells->value) != 0) {
            if (row > 0) fprintf(stderr, "%s: out of memory\n", r->path);
            status = -1;
            break;
        }
        if (parse_int64(r, c_id, &key.id) != 0 || parse_int32(r, c_0, &cells->channel0[n]) != 0
            || parse_int32(r, c_1, &cells->channel1[n]) != 0 || parse_float(r, c_v, &cells->value[n]) != 0) {
            status = -1;
            break;
        }
        const id_row *found = bsearch(&key, index, hits->count, sizeof *index, compare_id_row);
        if (found == NULL) {
            fprintf(stderr, "%s:%ld: hit_id %lld is not in the hits file\n", r->path, r->line, (long long)key.id);
            status = -1;
            break;
        }
        cells->hit_index[n] = found->row;
        cells->count = n + 1;
    }
    gzclose(r->file);
    free(r);
    free(index);
    if (status != 0) trackml_cells_free(cells);
    return status;
}

int64_t trackml_event_id(const char *prefix) {
    const char *base = strrchr(prefix, '/');
    base = base ? base + 1 : prefix;
    if (strncmp(base, "event", 5) != 0 || base[5] == '\0') return -1;
    int64_t id = 0;
    for (const char *c = base + 5; *c != '\0'; ++c) {
        if (*c < '0' || *c > '9' || id > (INT64_MAX - 9) / 10) return -1;
        id = id * 10 + (*c - '0');
    }
    return id;
}

void trackml_hits_free(trackml_hits *hits) {
    free(hits->hit_id);
    free(hits->x);
    free(hits->y);
    free(hits->z);
    free(hits->geometry_id);
    memset(hits, 0, sizeof *hits);
}

void trackml_cells_free(trackml_cells *cells) {
    free(cells->hit_index);
    free(cells->channel0);
    free(cells->channel1);
    free(cells->value);
    memset(cells, 0, sizeof *cells);
}
