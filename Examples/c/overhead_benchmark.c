/*
 * overhead_benchmark.c — what the C API costs on top of the engine it wraps.
 *
 *   overhead_benchmark [--runs N] [--config JSON] EVENT_PREFIX
 *
 * Reconstructs the event N times (default 7, after one untimed warm-up) and reports, as medians:
 *   call     wall time of weft_reconstruct + weft_tracks_free, measured here around the call;
 *   engine   the engine's own stages (input check and the method's stages) as the library reports
 *            them: the time of the same reconstruction called in-process from Swift;
 *   overhead call − engine: copying the input arrays in, the tracks out, handles, error plumbing;
 * and the overhead as a fraction of the engine time.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <weft.h>

#include "trackml_event.h"

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int compare_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *values, int n) {
    qsort(values, (size_t)n, sizeof *values, compare_double);
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

int main(int argc, char **argv) {
    int runs = 7;
    const char *config = NULL;
    int i = 1;
    for (; i < argc - 1; ++i) {
        if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc - 1) {
            runs = atoi(argv[++i]);
        } else if (strcmp(argv[i], "--config") == 0 && i + 1 < argc - 1) {
            config = argv[++i];
        } else {
            break;
        }
    }
    if (i != argc - 1 || runs < 1 || runs > 1000) {
        fprintf(stderr, "usage: overhead_benchmark [--runs N] [--config JSON] EVENT_PREFIX\n");
        return 2;
    }
    trackml_hits hits;
    if (trackml_read_hits(argv[i], &hits) != 0) return 1;
    weft_engine *engine = NULL;
    if (weft_engine_create(config, &engine) != WEFT_OK) {
        fprintf(stderr, "engine: %s\n", weft_last_error());
        trackml_hits_free(&hits);
        return 1;
    }
    weft_hit_input input = {hits.count, hits.x, hits.y, hits.z, hits.geometry_id};
    double *call = calloc((size_t)runs, sizeof *call), *engine_time = calloc((size_t)runs, sizeof *engine_time);
    double *api_stages = calloc((size_t)runs, sizeof *api_stages);
    size_t tracks_found = 0;
    int status = WEFT_OK;
    for (int r = -1; r < runs && status == WEFT_OK && call && engine_time && api_stages; ++r) {
        weft_tracks *tracks = NULL;
        double start = now();
        status = weft_reconstruct(engine, &input, &tracks);
        if (status != WEFT_OK) break;
        double inside = 0, api = 0;
        for (size_t s = 0; s < weft_tracks_stage_count(tracks); ++s) {
            const char *name = NULL;
            double seconds = 0;
            weft_tracks_stage(tracks, s, &name, &seconds);
            if (strncmp(name, "c api", 5) == 0) api += seconds; else inside += seconds;
        }
        tracks_found = weft_tracks_count(tracks);
        weft_tracks_free(tracks);
        double elapsed = now() - start;
        if (r >= 0) {
            call[r] = elapsed;
            engine_time[r] = inside;
            api_stages[r] = api;
        }
    }
    if (status != WEFT_OK || !call || !engine_time || !api_stages) {
        fprintf(stderr, "reconstruct: %s\n", status != WEFT_OK ? weft_last_error() : "out of memory");
    } else {
        double overhead[1000];
        for (int r = 0; r < runs; ++r) overhead[r] = call[r] - engine_time[r];
        double m_overhead = median(overhead, runs), m_api = median(api_stages, runs);
        double m_call = median(call, runs), m_engine = median(engine_time, runs);
        printf("event %s: %zu hits, %zu tracks, %d runs (medians)\n", argv[i], hits.count, tracks_found, runs);
        printf("  call      %9.4f s   weft_reconstruct + weft_tracks_free, timed by the caller\n", m_call);
        printf("  engine    %9.4f s   the engine's stages (the in-process Swift call)\n", m_engine);
        printf("  overhead  %9.4f s   %.2f %% of the engine time (of which copying in/out %.4f s)\n", m_overhead,
               100.0 * m_overhead / m_engine, m_api);
    }
    free(call);
    free(engine_time);
    free(api_stages);
    weft_engine_free(engine);
    trackml_hits_free(&hits);
    return status == WEFT_OK ? 0 : 1;
}
