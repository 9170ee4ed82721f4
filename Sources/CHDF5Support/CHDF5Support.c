#include "CHDF5Support.h"
#include <pthread.h>
#include <string.h>

hid_t weft_h5t_native_float(void) { return H5T_NATIVE_FLOAT; }
hid_t weft_h5t_native_double(void) { return H5T_NATIVE_DOUBLE; }
hid_t weft_h5t_native_int32(void) { return H5T_NATIVE_INT32; }
hid_t weft_h5t_native_int64(void) { return H5T_NATIVE_INT64; }
hid_t weft_h5t_native_uint64(void) { return H5T_NATIVE_UINT64; }
hid_t weft_h5t_native_uint8(void) { return H5T_NATIVE_UINT8; }
hid_t weft_h5t_c_s1(void) { return H5T_C_S1; }
hid_t weft_h5p_dataset_create(void) { return H5P_DATASET_CREATE; }
hid_t weft_h5p_file_access(void) { return H5P_FILE_ACCESS; }
unsigned weft_h5f_acc_rdonly(void) { return H5F_ACC_RDONLY; }
unsigned weft_h5f_acc_rdwr(void) { return H5F_ACC_RDWR; }
unsigned weft_h5f_acc_trunc(void) { return H5F_ACC_TRUNC; }
unsigned weft_h5f_acc_excl(void) { return H5F_ACC_EXCL; }
hid_t weft_h5s_all(void) { return H5S_ALL; }
hsize_t weft_h5s_unlimited(void) { return H5S_UNLIMITED; }
void weft_h5_silence_errors(void) { H5Eset_auto2(H5E_DEFAULT, NULL, NULL); }
void weft_h5_clear_errors(void) { H5Eclear2(H5E_DEFAULT); }

hid_t weft_h5t_std_i32le(void) { return H5T_STD_I32LE; }
hid_t weft_h5t_std_i64le(void) { return H5T_STD_I64LE; }
hid_t weft_h5t_std_u64le(void) { return H5T_STD_U64LE; }
hid_t weft_h5t_ieee_f32le(void) { return H5T_IEEE_F32LE; }
size_t weft_h5t_variable(void) { return H5T_VARIABLE; }
hid_t weft_h5p_dataset_xfer(void) { return H5P_DATASET_XFER; }
hid_t weft_h5p_link_create(void) { return H5P_LINK_CREATE; }

static H5T_conv_ret_t weft_strict_conversion(H5T_conv_except_t kind, hid_t src, hid_t dst,
                                             void *src_buf, void *dst_buf, void *user) {
    (void)src; (void)dst; (void)src_buf; (void)dst_buf; (void)user;
    switch (kind) {
    case H5T_CONV_EXCEPT_RANGE_HI:
    case H5T_CONV_EXCEPT_RANGE_LOW:
    case H5T_CONV_EXCEPT_TRUNCATE:
        return H5T_CONV_ABORT;
    default:
        return H5T_CONV_UNHANDLED;
    }
}

hid_t weft_h5p_strict_transfer(void) {
    hid_t plist = H5Pcreate(H5P_DATASET_XFER);
    if (plist < 0) return plist;
    if (H5Pset_type_conv_cb(plist, weft_strict_conversion, NULL) < 0) {
        H5Pclose(plist);
        return -1;
    }
    return plist;
}

static pthread_mutex_t weft_h5_mutex;
static pthread_once_t weft_h5_mutex_once = PTHREAD_ONCE_INIT;

static void weft_h5_mutex_init(void) {
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&weft_h5_mutex, &attr);
    pthread_mutexattr_destroy(&attr);
}

void weft_h5_lock(void) {
    pthread_once(&weft_h5_mutex_once, weft_h5_mutex_init);
    pthread_mutex_lock(&weft_h5_mutex);
}

void weft_h5_unlock(void) { pthread_mutex_unlock(&weft_h5_mutex); }

struct weft_error_buffer { char *buf; size_t size; int found; };

static herr_t weft_first_error(unsigned n, const H5E_error2_t *err, void *data) {
    struct weft_error_buffer *out = data;
    (void)n;
    if (out->found || err->desc == NULL) return 0;
    strncpy(out->buf, err->desc, out->size - 1);
    out->buf[out->size - 1] = 0;
    out->found = 1;
    return 0;
}

int weft_h5_error_message(char *buf, size_t size) {
    struct weft_error_buffer out = { buf, size, 0 };
    if (size == 0) return 0;
    buf[0] = 0;
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, weft_first_error, &out);
    return out.found;
}
