// tsan_control.cpp — the ThreadSanitizer test's control: two threads share one engine, as the
// framework host's workers do, and also update a plain counter without synchronisation. TSan, with
// the same suppressions as the host's test, must report that race: the suppressions hide only what
// happens inside the uninstrumented libraries, never the host's own accesses.
#include <weft.h>

#include <cstdio>
#include <thread>

int main() {
    weft_engine* engine = nullptr;
    if (weft_engine_create(nullptr, &engine) != WEFT_OK) {
        std::fprintf(stderr, "engine: %s\n", weft_last_error());
        return 1;
    }
    long unsynchronised = 0;
    auto work = [&] {
        long done = 0;
        for (int i = 0; i < 3; ++i) {
            weft_hit_input empty = {0, nullptr, nullptr, nullptr, nullptr};
            weft_tracks* tracks = nullptr;
            if (weft_reconstruct(engine, &empty, &tracks) == WEFT_OK) ++done;
            weft_tracks_free(tracks);
        }
        // The deliberate race, after the thread's last library call: no lock taken inside the
        // library can order the two threads' writes.
        unsynchronised += done;
    };
    std::thread a(work), b(work);
    a.join();
    b.join();
    weft_engine_free(engine);
    std::printf("%ld\n", unsynchronised);
    return 0;
}
