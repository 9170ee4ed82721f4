/*
 * fail_alloc.c — fault injection for the out-of-memory test, preloaded with LD_PRELOAD.
 *
 * While the environment variable WEFT_TEST_FAIL_ALIGNED_ALLOC is set, posix_memalign returns ENOMEM
 * when it is called directly from code inside libweft (the C API allocates its result arrays that
 * way). Every other allocation — the Swift runtime's, libc's, the caller's — goes through untouched,
 * so the library's own handling of a refused allocation is what gets tested.
 */
#define _GNU_SOURCE /* dladdr, RTLD_NEXT */

#include <dlfcn.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef int (*posix_memalign_fn)(void **, size_t, size_t);

int posix_memalign(void **memory, size_t alignment, size_t size) {
    static posix_memalign_fn real = NULL;
    if (real == NULL) real = (posix_memalign_fn)dlsym(RTLD_NEXT, "posix_memalign");
    if (getenv("WEFT_TEST_FAIL_ALIGNED_ALLOC") != NULL) {
        Dl_info info;
        if (dladdr(__builtin_return_address(0), &info) != 0 && info.dli_fname != NULL
            && strstr(info.dli_fname, "libweft") != NULL) {
            return ENOMEM;
        }
    }
    return real(memory, alignment, size);
}
