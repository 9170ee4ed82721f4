/*
 * submission.c — TrackML submission writing for the C example (see submission.h).
 */
#define _POSIX_C_SOURCE 200809L /* mkstemp, fdopen, fchmod */

#include "submission.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int submission_write(const char *path, int64_t event_id, const trackml_hits *hits, const weft_tracks *tracks) {
    const int32_t *indices = NULL, *offsets = NULL;
    size_t total = 0, count = weft_tracks_count(tracks);
    if (weft_tracks_arrays(tracks, &indices, &offsets, &total) != WEFT_OK) {
        fprintf(stderr, "%s: %s\n", path, weft_last_error());
        return -1;
    }
    /* Which hits belong to a track, to list the others afterwards. */
    unsigned char *assigned = calloc(hits->count ? hits->count : 1, 1);
    size_t length = strlen(path);
    char *temporary = malloc(length + 16);
    if (assigned == NULL || temporary == NULL) {
        fprintf(stderr, "%s: out of memory\n", path);
        free(assigned);
        free(temporary);
        return -1;
    }
    snprintf(temporary, length + 16, "%s.tmp.XXXXXX", path);
    int status = 0;
    FILE *out = NULL;
    for (size_t i = 0; i < total; ++i) {
        if (indices[i] < 0 || (size_t)indices[i] >= hits->count || assigned[indices[i]]) {
            fprintf(stderr, "%s: track hit index %d is out of range or repeated\n", path, indices[i]);
            status = -1;
            break;
        }
        assigned[indices[i]] = 1;
    }
    if (status == 0) {
        int fd = mkstemp(temporary);
        if (fd >= 0) fchmod(fd, 0644); /* mkstemp creates 0600; a submission is an ordinary file */
        out = fd < 0 ? NULL : fdopen(fd, "w");
        if (out == NULL) {
            fprintf(stderr, "%s: cannot create a temporary file: %s\n", path, strerror(errno));
            status = -1;
        }
    }
    if (status == 0) {
        fprintf(out, "event_id,hit_id,track_id\n");
        for (size_t t = 0; t < count; ++t) {
            for (int32_t k = offsets[t]; k < offsets[t + 1]; ++k) {
                fprintf(out, "%lld,%lld,%zu\n", (long long)event_id, (long long)hits->hit_id[indices[k]], t + 1);
            }
        }
        for (size_t h = 0; h < hits->count; ++h) {
            if (!assigned[h]) fprintf(out, "%lld,%lld,0\n", (long long)event_id, (long long)hits->hit_id[h]);
        }
        if (ferror(out) | fclose(out)) {
            fprintf(stderr, "%s: write error: %s\n", path, strerror(errno));
            status = -1;
        } else if (rename(temporary, path) != 0) {
            fprintf(stderr, "%s: cannot rename the temporary file into place: %s\n", path, strerror(errno));
            status = -1;
        }
        if (status != 0) remove(temporary);
    }
    free(assigned);
    free(temporary);
    return status;
}
