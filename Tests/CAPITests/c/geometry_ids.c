/*
 * geometry_ids.c — prints weft_geometry_id(volume, layer, module) for each "volume layer module"
 * line read from stdin, one decimal id per line, so the test can compare the C API's packing with
 * Swift's GeometryID for every module of a detector.
 */
#include <inttypes.h>
#include <stdio.h>

#include <weft.h>

int main(void) {
    long volume, layer, module;
    while (scanf("%ld %ld %ld", &volume, &layer, &module) == 3) {
        printf("%" PRIu64 "\n", weft_geometry_id((int32_t)volume, (int32_t)layer, (int32_t)module));
    }
    return ferror(stdin) ? 1 : 0;
}
