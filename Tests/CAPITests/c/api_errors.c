/*
 * api_errors.c — drives every failure path of the Weft C API and checks that each call returns its
 * documented status (never aborts), leaves its outputs NULL, and leaves a message for the calling
 * thread only.
 *
 *   api_errors            all checks; one line per check ("ok - …" / "FAIL - …") and one
 *                         "exercised WEFT_…" line per status code seen; exit status = failures
 *   api_errors --gnn JSON with a GNN engine configured by JSON: expects WEFT_ERROR_NOT_AVAILABLE for
 *                         track parameters and chi2, and WEFT_ERROR_NULL_ARGUMENT without cells when
 *                         the model has cell features
 *   api_errors --oom      expects WEFT_ERROR_OUT_OF_MEMORY from weft_reconstruct; run with
 *                         fail_alloc.so preloaded (it refuses the library's result allocations once
 *                         WEFT_TEST_FAIL_ALIGNED_ALLOC is set, which this mode does after creating
 *                         the engine)
 */
#define _POSIX_C_SOURCE 200809L /* setenv */

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <weft.h>

static int failures = 0;
static int exercised[16];

/* Records a check. */
static void check(int passed, const char *what, const char *detail) {
    printf("%s - %s%s%s\n", passed ? "ok" : "FAIL", what, detail ? ": " : "", detail ? detail : "");
    if (!passed) ++failures;
}

/* Checks that `status` is `expected` and that the thread's message is not empty, and notes the
 * status as exercised. */
static void expect_status(int status, int expected, const char *what) {
    char detail[1024];
    const char *message = weft_last_error();
    snprintf(detail, sizeof detail, "%s (%s)", weft_status_name(status), status == WEFT_OK ? "" : message);
    check(status == expected && (expected == WEFT_OK || message[0] != '\0'), what, detail);
    if (status == expected && expected <= 0 && expected > -16) exercised[-expected] = 1;
}

/* Three real hits of TrackML event 1 (hit ids 6, 9, 53: volume 7, layer 2, the innermost -z disk). */
static const float hit_x[3] = {-76.566f, -30.1556f, -76.3533f};
static const float hit_y[3] = {-11.3673f, -0.067776f, -11.3119f};
static const float hit_z[3] = {-1502.5f, -1502.5f, -1498.0f};
static const int32_t hit_module[3] = {1, 1, 4};

typedef struct {
    float x[3], y[3], z[3];
    uint64_t id[3];
    weft_hit_input input;
} small_event;

static void make_event(small_event *e) {
    for (int i = 0; i < 3; ++i) {
        e->x[i] = hit_x[i];
        e->y[i] = hit_y[i];
        e->z[i] = hit_z[i];
        e->id[i] = weft_geometry_id(7, 2, hit_module[i]);
    }
    weft_hit_input input = {3, e->x, e->y, e->z, e->id};
    e->input = input;
}

/* A non-NULL pointer value the library must overwrite with NULL on failure. */
#define POISON ((void *)0x1)

static void configuration_errors(void) {
    static const struct {
        const char *json, *what;
    } bad[] = {
        {"{", "truncated JSON"},
        {"", "empty JSON text"},
        {"[1, 2]", "JSON array instead of an object"},
        {"null", "JSON null"},
        {"{\"detektor\": \"trackml\"}", "unknown field"},
        {"{\"threads\": \"four\"}", "threads of the wrong type"},
        {"{\"threads\": -1}", "negative threads"},
        {"{\"threads\": 100000}", "too many threads"},
        {"{\"method\": \"hough\"}", "unknown method"},
        {"{\"detector\": \"no-such-detector\"}", "unknown detector"},
        {"{\"detector\": \"/nonexistent/detectors.csv\"}", "missing detector file"},
        {"{\"ckf\": {\"seeding\": {\"passes\": [{\"min_pt\": -1}]}}}", "CKF value out of range"},
        {"{\"ckf\": {\"seeding\": {\"passes\": []}}}", "CKF without seeding passes"},
        {"{\"ckf\": {\"fnding\": {}}}", "unknown CKF section"},
        {"{\"ckf\": {\"finding\": {\"finding\": {\"chi2_cut\": \"x\"}}}}", "CKF value of the wrong type"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
        weft_engine *engine = POISON;
        char what[256];
        snprintf(what, sizeof what, "weft_engine_create: %s", bad[i].what);
        expect_status(weft_engine_create(bad[i].json, &engine), WEFT_ERROR_BAD_CONFIG, what);
        check(engine == NULL, "weft_engine_create: output set to NULL on failure", NULL);
    }
    /* The GNN path with files that do not exist, or an unknown GNN option. */
    weft_engine *engine = POISON;
    expect_status(weft_engine_create("{\"method\": \"gnn\", \"gnn\": {\"module_map\": \"/nonexistent/map.h5\", "
                                     "\"model\": \"/nonexistent/model.h5\"}}", &engine),
                  WEFT_ERROR_BAD_CONFIG, "weft_engine_create: gnn without its module map");
    check(engine == NULL && strstr(weft_last_error(), "/nonexistent/map.h5") != NULL, "gnn message names the missing file",
          weft_last_error());
    expect_status(weft_engine_create("{\"method\": \"gnn\", \"gnn\": {\"score\": 0.5}}", &engine), WEFT_ERROR_BAD_CONFIG,
                  "weft_engine_create: unknown GNN option");
    expect_status(weft_engine_create(NULL, NULL), WEFT_ERROR_NULL_ARGUMENT, "weft_engine_create: engine NULL");
}

static void geometry_id_errors(void) {
    weft_last_error();
    check(weft_geometry_id(8, 2, 1) == ((uint64_t)8 << 56 | (uint64_t)2 << 36 | (uint64_t)1 << 8),
          "weft_geometry_id: ACTS bit layout", NULL);
    check(weft_geometry_id(255, 4095, 1048575) == ((uint64_t)255 << 56 | (uint64_t)4095 << 36 | (uint64_t)1048575 << 8),
          "weft_geometry_id: largest fields", NULL);
    static const int32_t bad[][3] = {{-1, 2, 1}, {256, 2, 1}, {8, -2, 1}, {8, 4096, 1}, {8, 2, -1}, {8, 2, 1048576}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
        uint64_t id = weft_geometry_id(bad[i][0], bad[i][1], bad[i][2]);
        const char *message = weft_last_error();
        char what[128];
        snprintf(what, sizeof what, "weft_geometry_id(%d, %d, %d) out of range gives 0 and a message", bad[i][0],
                 bad[i][1], bad[i][2]);
        check(id == 0 && strstr(message, "does not fit") != NULL, what, message);
    }
}

static void reconstruction_errors(const weft_engine *engine) {
    small_event e;
    weft_tracks *tracks = POISON;

    make_event(&e);
    expect_status(weft_reconstruct(NULL, &e.input, &tracks), WEFT_ERROR_NULL_ARGUMENT, "weft_reconstruct: engine NULL");
    check(tracks == NULL, "weft_reconstruct: output set to NULL on failure", NULL);
    expect_status(weft_reconstruct(engine, NULL, &tracks), WEFT_ERROR_NULL_ARGUMENT, "weft_reconstruct: hits NULL");
    expect_status(weft_reconstruct(engine, &e.input, NULL), WEFT_ERROR_NULL_ARGUMENT, "weft_reconstruct: tracks NULL");
    const float **columns[3] = {&e.input.x, &e.input.y, &e.input.z};
    for (int c = 0; c < 3; ++c) {
        const float *saved = *columns[c];
        *columns[c] = NULL;
        expect_status(weft_reconstruct(engine, &e.input, &tracks), WEFT_ERROR_NULL_ARGUMENT,
                      "weft_reconstruct: a coordinate column NULL");
        *columns[c] = saved;
    }
    e.input.geometry_id = NULL;
    expect_status(weft_reconstruct(engine, &e.input, &tracks), WEFT_ERROR_NULL_ARGUMENT,
                  "weft_reconstruct: geometry_id NULL");

    make_event(&e);
    e.x[1] = NAN;
    expect_status(weft_reconstruct(engine, &e.input, &tracks), WEFT_ERROR_NON_FINITE, "weft_reconstruct: NaN x");
    check(strstr(weft_last_error(), "row 1") != NULL, "NaN message names the hit row", weft_last_error());
    make_event(&e);
    e.y[2] = INFINITY;
    expect_status(weft_reconstruct(engine, &e.input, &tracks), WEFT_ERROR_NON_FINITE, "weft_reconstruct: +inf y");
    make_event(&e);
    e.z[0] = -INFINITY;
    expect_status(weft_reconstruct(engine, &e.input, &tracks), WEFT_ERROR_NON_FINITE, "weft_reconstruct: -inf z");

    make_event(&e);
    e.id[2] = 12345;
    expect_status(weft_reconstruct(engine, &e.input, &tracks), WEFT_ERROR_UNKNOWN_GEOMETRY_ID,
                  "weft_reconstruct: geometry id that is no module");
    make_event(&e);
    e.id[0] = weft_geometry_id(99, 2, 1);
    expect_status(weft_reconstruct(engine, &e.input, &tracks), WEFT_ERROR_UNKNOWN_GEOMETRY_ID,
                  "weft_reconstruct: volume the detector lacks");
    make_event(&e);
    e.id[1] = weft_geometry_id(8, 2, 99999);
    expect_status(weft_reconstruct(engine, &e.input, &tracks), WEFT_ERROR_UNKNOWN_GEOMETRY_ID,
                  "weft_reconstruct: module number the layer lacks");

    make_event(&e);
    e.x[1] = 0;
    e.y[1] = 0;
    e.z[1] = 0;
    expect_status(weft_reconstruct(engine, &e.input, &tracks), WEFT_ERROR_HIT_OFF_MODULE,
                  "weft_reconstruct: hit far from its module");

    make_event(&e);
    e.input.count = (size_t)INT32_MAX + 1;
    expect_status(weft_reconstruct(engine, &e.input, &tracks), WEFT_ERROR_OUT_OF_RANGE,
                  "weft_reconstruct: more than INT32_MAX hits");
    e.input.count = (size_t)-1;
    expect_status(weft_reconstruct(engine, &e.input, &tracks), WEFT_ERROR_OUT_OF_RANGE,
                  "weft_reconstruct: SIZE_MAX hits");
    check(tracks == NULL, "weft_reconstruct: output still NULL after failures", NULL);

    /* Cells. */
    make_event(&e);
    int32_t cell_hit[2] = {0, 2}, ch0[2] = {1, 2}, ch1[2] = {3, 4};
    float value[2] = {0.5f, 0.25f};
    weft_cell_input cells = {2, cell_hit, ch0, ch1, value};
    cells.value = NULL;
    expect_status(weft_reconstruct_with_cells(engine, &e.input, &cells, &tracks), WEFT_ERROR_NULL_ARGUMENT,
                  "weft_reconstruct_with_cells: value column NULL");
    cells.value = value;
    value[1] = NAN;
    expect_status(weft_reconstruct_with_cells(engine, &e.input, &cells, &tracks), WEFT_ERROR_NON_FINITE,
                  "weft_reconstruct_with_cells: NaN cell value");
    value[1] = 0.25f;
    cell_hit[1] = 3;
    expect_status(weft_reconstruct_with_cells(engine, &e.input, &cells, &tracks), WEFT_ERROR_OUT_OF_RANGE,
                  "weft_reconstruct_with_cells: cell of a hit row past the end");
    cell_hit[1] = -1;
    expect_status(weft_reconstruct_with_cells(engine, &e.input, &cells, &tracks), WEFT_ERROR_OUT_OF_RANGE,
                  "weft_reconstruct_with_cells: negative hit row");
    cell_hit[1] = 2;
    expect_status(weft_reconstruct_with_cells(engine, &e.input, &cells, &tracks), WEFT_OK,
                  "weft_reconstruct_with_cells: valid cells");
    weft_tracks_free(tracks);
    tracks = NULL;
}

static void track_access_errors(const weft_engine *engine) {
    small_event e;
    weft_tracks *tracks = NULL;
    make_event(&e);
    expect_status(weft_reconstruct(engine, &e.input, &tracks), WEFT_OK, "weft_reconstruct: three hits");
    size_t n = weft_tracks_count(tracks);
    check(n == 0, "three hits give no track (a CKF track needs seven)", NULL);

    const int32_t *indices = POISON, *offsets = POISON;
    size_t count = 0, total = 99;
    weft_track_parameters parameters;
    float chi2 = 0;
    expect_status(weft_tracks_arrays(tracks, &indices, &offsets, &total), WEFT_OK, "weft_tracks_arrays");
    check(total == 0 && offsets != NULL && offsets[0] == 0, "weft_tracks_arrays: empty result has offsets {0}", NULL);
    expect_status(weft_tracks_hits(tracks, 0, &indices, &count), WEFT_ERROR_OUT_OF_RANGE,
                  "weft_tracks_hits: track index = count");
    expect_status(weft_tracks_hits(tracks, (size_t)-1, &indices, &count), WEFT_ERROR_OUT_OF_RANGE,
                  "weft_tracks_hits: track index SIZE_MAX");
    expect_status(weft_tracks_parameters(tracks, 0, &parameters), WEFT_ERROR_OUT_OF_RANGE,
                  "weft_tracks_parameters: track index = count");
    expect_status(weft_tracks_chi2(tracks, 5, &chi2), WEFT_ERROR_OUT_OF_RANGE, "weft_tracks_chi2: track index past count");
    size_t stages = weft_tracks_stage_count(tracks);
    const char *name = NULL;
    double seconds = -1;
    check(stages >= 3, "weft_tracks_stage_count: input, check and output stages at least", NULL);
    expect_status(weft_tracks_stage(tracks, 0, &name, &seconds), WEFT_OK, "weft_tracks_stage 0");
    check(name != NULL && strcmp(name, "c api input") == 0 && seconds >= 0, "first stage is 'c api input'", name);
    expect_status(weft_tracks_stage(tracks, stages, &name, &seconds), WEFT_ERROR_OUT_OF_RANGE,
                  "weft_tracks_stage: stage index = count");

    expect_status(weft_tracks_hits(NULL, 0, &indices, &count), WEFT_ERROR_NULL_ARGUMENT, "weft_tracks_hits: tracks NULL");
    expect_status(weft_tracks_hits(tracks, 0, NULL, &count), WEFT_ERROR_NULL_ARGUMENT, "weft_tracks_hits: hit_indices NULL");
    expect_status(weft_tracks_hits(tracks, 0, &indices, NULL), WEFT_ERROR_NULL_ARGUMENT, "weft_tracks_hits: count NULL");
    expect_status(weft_tracks_arrays(NULL, &indices, &offsets, &total), WEFT_ERROR_NULL_ARGUMENT,
                  "weft_tracks_arrays: tracks NULL");
    expect_status(weft_tracks_arrays(tracks, NULL, &offsets, &total), WEFT_ERROR_NULL_ARGUMENT,
                  "weft_tracks_arrays: hit_indices NULL");
    expect_status(weft_tracks_arrays(tracks, &indices, NULL, &total), WEFT_ERROR_NULL_ARGUMENT,
                  "weft_tracks_arrays: offsets NULL");
    expect_status(weft_tracks_arrays(tracks, &indices, &offsets, NULL), WEFT_ERROR_NULL_ARGUMENT,
                  "weft_tracks_arrays: total NULL");
    expect_status(weft_tracks_parameters(NULL, 0, &parameters), WEFT_ERROR_NULL_ARGUMENT,
                  "weft_tracks_parameters: tracks NULL");
    expect_status(weft_tracks_parameters(tracks, 0, NULL), WEFT_ERROR_NULL_ARGUMENT,
                  "weft_tracks_parameters: parameters NULL");
    expect_status(weft_tracks_chi2(NULL, 0, &chi2), WEFT_ERROR_NULL_ARGUMENT, "weft_tracks_chi2: tracks NULL");
    expect_status(weft_tracks_chi2(tracks, 0, NULL), WEFT_ERROR_NULL_ARGUMENT, "weft_tracks_chi2: chi2 NULL");
    expect_status(weft_tracks_stage(NULL, 0, &name, &seconds), WEFT_ERROR_NULL_ARGUMENT, "weft_tracks_stage: tracks NULL");
    expect_status(weft_tracks_stage(tracks, 0, NULL, &seconds), WEFT_ERROR_NULL_ARGUMENT, "weft_tracks_stage: name NULL");
    expect_status(weft_tracks_stage(tracks, 0, &name, NULL), WEFT_ERROR_NULL_ARGUMENT, "weft_tracks_stage: seconds NULL");
    check(weft_tracks_count(NULL) == 0 && weft_tracks_stage_count(NULL) == 0, "counts of NULL tracks are 0", NULL);
    weft_tracks_free(tracks);

    /* An event without hits: no tracks, pointers may be NULL. */
    weft_hit_input empty = {0, NULL, NULL, NULL, NULL};
    tracks = NULL;
    expect_status(weft_reconstruct(engine, &empty, &tracks), WEFT_OK, "weft_reconstruct: no hits");
    check(tracks != NULL && weft_tracks_count(tracks) == 0, "no hits give an empty result", NULL);
    weft_tracks_free(tracks);
}

/* Each thread fails with its own unknown field and must read back its own message. */
static void *failing_thread(void *argument) {
    int index = *(int *)argument;
    char json[64], expected[32];
    snprintf(json, sizeof json, "{\"field_of_thread_%d\": 1}", index);
    snprintf(expected, sizeof expected, "field_of_thread_%d'", index);
    int ok = 1;
    for (int round = 0; round < 20 && ok; ++round) {
        weft_engine *engine = NULL;
        ok = weft_engine_create(json, &engine) == WEFT_ERROR_BAD_CONFIG && strstr(weft_last_error(), expected) != NULL;
    }
    *(int *)argument = ok;
    return NULL;
}

static void thread_local_messages(void) {
    weft_engine *engine = NULL;
    weft_engine_create("{\"main_thread_field\": 1}", &engine);
    enum { THREADS = 4 };
    pthread_t threads[THREADS];
    int arguments[THREADS];
    for (int t = 0; t < THREADS; ++t) {
        arguments[t] = t;
        pthread_create(&threads[t], NULL, failing_thread, &arguments[t]);
    }
    int all = 1;
    for (int t = 0; t < THREADS; ++t) {
        pthread_join(threads[t], NULL);
        all = all && arguments[t];
    }
    check(all, "weft_last_error: each of 4 concurrently failing threads reads its own message", NULL);
    check(strstr(weft_last_error(), "main_thread_field") != NULL, "weft_last_error: other threads' failures leave the main thread's message",
          weft_last_error());
    char before[512];
    snprintf(before, sizeof before, "%s", weft_last_error());
    check(weft_geometry_id(8, 2, 1) != 0 && strcmp(before, weft_last_error()) == 0,
          "weft_last_error: a successful call leaves the message unchanged", NULL);
}

static void informational(void) {
    check(strcmp(weft_version(), WEFT_VERSION_STRING) == 0, "weft_version() equals WEFT_VERSION_STRING", weft_version());
    static const struct {
        int status;
        const char *name;
    } names[] = {{WEFT_OK, "WEFT_OK"},
                 {WEFT_ERROR_NULL_ARGUMENT, "WEFT_ERROR_NULL_ARGUMENT"},
                 {WEFT_ERROR_BAD_CONFIG, "WEFT_ERROR_BAD_CONFIG"},
                 {WEFT_ERROR_UNKNOWN_GEOMETRY_ID, "WEFT_ERROR_UNKNOWN_GEOMETRY_ID"},
                 {WEFT_ERROR_NON_FINITE, "WEFT_ERROR_NON_FINITE"},
                 {WEFT_ERROR_OUT_OF_MEMORY, "WEFT_ERROR_OUT_OF_MEMORY"},
                 {WEFT_ERROR_INTERNAL, "WEFT_ERROR_INTERNAL"},
                 {WEFT_ERROR_OUT_OF_RANGE, "WEFT_ERROR_OUT_OF_RANGE"},
                 {WEFT_ERROR_NOT_AVAILABLE, "WEFT_ERROR_NOT_AVAILABLE"},
                 {WEFT_ERROR_HIT_OFF_MODULE, "WEFT_ERROR_HIT_OFF_MODULE"},
                 {42, "unknown status"}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; ++i) {
        check(strcmp(weft_status_name(names[i].status), names[i].name) == 0, "weft_status_name", names[i].name);
    }
    weft_last_error();
    check(weft_engine_config(NULL) == NULL && strstr(weft_last_error(), "NULL") != NULL,
          "weft_engine_config(NULL) gives NULL and a message", NULL);
    weft_engine_free(NULL);
    weft_tracks_free(NULL);
    check(1, "weft_engine_free(NULL) and weft_tracks_free(NULL) do nothing", NULL);
}

static int out_of_memory(void) {
    weft_engine *engine = NULL;
    if (weft_engine_create(NULL, &engine) != WEFT_OK) {
        printf("FAIL - engine: %s\n", weft_last_error());
        return 1;
    }
    small_event e;
    make_event(&e);
    weft_tracks *tracks = POISON;
    setenv("WEFT_TEST_FAIL_ALIGNED_ALLOC", "1", 1);
    int status = weft_reconstruct(engine, &e.input, &tracks);
    unsetenv("WEFT_TEST_FAIL_ALIGNED_ALLOC");
    expect_status(status, WEFT_ERROR_OUT_OF_MEMORY, "weft_reconstruct: result allocation refused");
    check(tracks == NULL, "weft_reconstruct: output NULL after out of memory", NULL);
    check(strstr(weft_last_error(), "cannot allocate") != NULL, "out-of-memory message", weft_last_error());
    expect_status(weft_reconstruct(engine, &e.input, &tracks), WEFT_OK, "weft_reconstruct: works again afterwards");
    weft_tracks_free(tracks);
    weft_engine_free(engine);
    return failures;
}

static int gnn_outputs(const char *config) {
    weft_engine *engine = NULL;
    if (weft_engine_create(config, &engine) != WEFT_OK) {
        printf("FAIL - GNN engine: %s\n", weft_last_error());
        return 1;
    }
    small_event e;
    make_event(&e);
    int32_t cell_hit[3] = {0, 1, 2}, ch0[3] = {274, 121, 300}, ch1[3] = {839, 1, 700};
    float value[3] = {0.3f, 0.07f, 0.2f};
    weft_cell_input cells = {3, cell_hit, ch0, ch1, value};
    weft_tracks *tracks = NULL;
    expect_status(weft_reconstruct_with_cells(engine, &e.input, &cells, &tracks), WEFT_OK, "GNN: three hits with cells");
    weft_track_parameters parameters;
    float chi2 = 0;
    expect_status(weft_tracks_parameters(tracks, 0, &parameters), WEFT_ERROR_NOT_AVAILABLE, "GNN: no track parameters");
    expect_status(weft_tracks_chi2(tracks, 0, &chi2), WEFT_ERROR_NOT_AVAILABLE, "GNN: no chi2");
    weft_tracks_free(tracks);
    tracks = NULL;
    int status = weft_reconstruct(engine, &e.input, &tracks);
    if (status == WEFT_OK) {
        check(1, "GNN: the model has no cell features and works without cells", NULL);
    } else {
        expect_status(status, WEFT_ERROR_NULL_ARGUMENT, "GNN: a model with cell features needs the cells");
        check(strstr(weft_last_error(), "cell features") != NULL, "GNN: the message names the cell features",
              weft_last_error());
    }
    weft_tracks_free(tracks);
    weft_engine_free(engine);
    for (int code = 0; code <= 9; ++code) {
        if (exercised[code]) printf("exercised %s\n", weft_status_name(-code));
    }
    return failures;
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "--oom") == 0) return out_of_memory() ? 1 : 0;
    if (argc == 3 && strcmp(argv[1], "--gnn") == 0) return gnn_outputs(argv[2]) ? 1 : 0;
    informational();
    geometry_id_errors();
    configuration_errors();
    weft_engine *engine = NULL;
    if (weft_engine_create("{\"detector\": \"trackml\", \"method\": \"ckf\", \"threads\": 1}", &engine) != WEFT_OK) {
        printf("FAIL - engine: %s\n", weft_last_error());
        return 1;
    }
    reconstruction_errors(engine);
    track_access_errors(engine);
    weft_engine_free(engine);
    thread_local_messages();
    for (int code = 0; code <= 9; ++code) {
        if (exercised[code]) printf("exercised %s\n", weft_status_name(-code));
    }
    printf("%d failure(s)\n", failures);
    return failures > 100 ? 100 : failures;
}
