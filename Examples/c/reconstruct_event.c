/*
 * reconstruct_event.c — the Weft C API from plain C: read a TrackML event, reconstruct its tracks,
 * write a TrackML submission.
 *
 *   reconstruct_event [--config JSON | --config-file FILE] [--cells] [--timing] EVENT_PREFIX OUTPUT.csv
 *
 *   EVENT_PREFIX  dir/event000000001 (reads dir/event000000001-hits.csv[.gz])
 *   --config      engine configuration as JSON text (weft.h, weft_engine_create); default: defaults
 *   --config-file the same, read from a file
 *   --cells       also read dir/event…-cells.csv[.gz] and pass the cells to the engine
 *   --timing      print the wall time of every stage
 *
 * Exit status: 0 on success, 1 on bad input or a reconstruction error (the message says which),
 * 2 on bad usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <weft.h>

#include "submission.h"
#include "trackml_event.h"

static void usage(void) {
    fprintf(stderr, "usage: reconstruct_event [--config JSON | --config-file FILE] [--cells] [--timing] "
                    "EVENT_PREFIX OUTPUT.csv\n");
}

/* Reads a whole text file (NUL-terminated) or returns NULL after printing an error. */
static char *read_text(const char *path) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        return NULL;
    }
    size_t size = 0, capacity = 4096;
    char *text = malloc(capacity);
    size_t n;
    while (text != NULL && (n = fread(text + size, 1, capacity - size - 1, f)) > 0) {
        size += n;
        if (capacity - size == 1) {
            char *grown = realloc(text, capacity * 2);
            if (grown == NULL) {
                free(text);
                text = NULL;
                break;
            }
            text = grown;
            capacity *= 2;
        }
    }
    if (text == NULL || ferror(f)) {
        fprintf(stderr, "%s: cannot read\n", path);
        free(text);
        fclose(f);
        return NULL;
    }
    fclose(f);
    text[size] = '\0';
    return text;
}

/* Prints each stage's wall time. */
static void print_timing(const weft_tracks *tracks) {
    double total = 0;
    for (size_t s = 0; s < weft_tracks_stage_count(tracks); ++s) {
        const char *name = NULL;
        double seconds = 0;
        if (weft_tracks_stage(tracks, s, &name, &seconds) == WEFT_OK) {
            printf("  %-16s %9.4f s\n", name, seconds);
            total += seconds;
        }
    }
    printf("  %-16s %9.4f s\n", "total", total);
}

int main(int argc, char **argv) {
    const char *config = NULL, *config_file = NULL;
    int use_cells = 0, timing = 0;
    int i = 1;
    for (; i < argc && strncmp(argv[i], "--", 2) == 0; ++i) {
        if (strcmp(argv[i], "--config") == 0 && i + 1 < argc) {
            config = argv[++i];
        } else if (strcmp(argv[i], "--config-file") == 0 && i + 1 < argc) {
            config_file = argv[++i];
        } else if (strcmp(argv[i], "--cells") == 0) {
            use_cells = 1;
        } else if (strcmp(argv[i], "--timing") == 0) {
            timing = 1;
        } else {
            usage();
            return 2;
        }
    }
    if (argc - i != 2 || (config != NULL && config_file != NULL)) {
        usage();
        return 2;
    }
    const char *prefix = argv[i], *output = argv[i + 1];
    if (strcmp(weft_version(), WEFT_VERSION_STRING) != 0) {
        fprintf(stderr, "warning: compiled against weft.h %s, running with libweft %s\n", WEFT_VERSION_STRING, weft_version());
    }

    int64_t event_id = trackml_event_id(prefix);
    if (event_id < 0) {
        fprintf(stderr, "%s: the event prefix must end in event<number>\n", prefix);
        return 1;
    }
    char *config_text = NULL;
    if (config_file != NULL && (config_text = read_text(config_file)) == NULL) return 1;

    int exit_code = 1;
    trackml_hits hits;
    trackml_cells cells;
    weft_engine *engine = NULL;
    weft_tracks *tracks = NULL;
    memset(&cells, 0, sizeof cells);
    if (trackml_read_hits(prefix, &hits) != 0) {
        free(config_text);
        return 1;
    }
    if (use_cells && trackml_read_cells(prefix, &hits, &cells) < 0) goto done;

    int status = weft_engine_create(config_text != NULL ? config_text : config, &engine);
    if (status != WEFT_OK) {
        fprintf(stderr, "engine: %s (%s)\n", weft_last_error(), weft_status_name(status));
        goto done;
    }
    weft_hit_input input = {hits.count, hits.x, hits.y, hits.z, hits.geometry_id};
    weft_cell_input cell_input = {cells.count, cells.hit_index, cells.channel0, cells.channel1, cells.value};
    status = weft_reconstruct_with_cells(engine, &input, use_cells ? &cell_input : NULL, &tracks);
    if (status != WEFT_OK) {
        fprintf(stderr, "%s: %s (%s)\n", prefix, weft_last_error(), weft_status_name(status));
        goto done;
    }
    if (submission_write(output, event_id, &hits, tracks) != 0) goto done;
    printf("event %lld: %zu hits, %zu tracks, submission written to %s\n", (long long)event_id, hits.count,
           weft_tracks_count(tracks), output);
    if (timing) print_timing(tracks);
    exit_code = 0;

done:
    weft_tracks_free(tracks);
    weft_engine_free(engine);
    trackml_cells_free(&cells);
    trackml_hits_free(&hits);
    free(config_text);
    return exit_code;
}
