#ifndef WEFT_CHDF5_SUPPORT_H
#define WEFT_CHDF5_SUPPORT_H
/* HDF5 exposes its native types and file-access flags as macros that expand to function calls or
   globals, which Swift cannot import. Each helper returns one of them as a plain value. */
#include <hdf5.h>

hid_t weft_h5t_native_float(void);
hid_t weft_h5t_native_double(void);
hid_t weft_h5t_native_int32(void);
hid_t weft_h5t_native_int64(void);
hid_t weft_h5t_native_uint64(void);
hid_t weft_h5t_native_uint8(void);
hid_t weft_h5t_c_s1(void);
hid_t weft_h5p_dataset_create(void);
hid_t weft_h5p_file_access(void);
unsigned weft_h5f_acc_rdonly(void);
unsigned weft_h5f_acc_rdwr(void);
unsigned weft_h5f_acc_trunc(void);
unsigned weft_h5f_acc_excl(void);
hid_t weft_h5s_all(void);
hsize_t weft_h5s_unlimited(void);
/* Silences HDF5's automatic error-stack printing: Weft reports errors itself. */
void weft_h5_silence_errors(void);
/* Empties the calling thread's HDF5 error stack. A thread-safe HDF5 keeps one stack per thread, and
   records left on a thread other than the one that closes the library at exit hold error-class ids
   that never close: HDF5 1.10 then prints "infinite loop closing library". */
void weft_h5_clear_errors(void);

/* Little-endian standard file types, so stores are byte-identical on every machine. */
hid_t weft_h5t_std_i32le(void);
hid_t weft_h5t_std_i64le(void);
hid_t weft_h5t_std_u64le(void);
hid_t weft_h5t_ieee_f32le(void);
/* H5T_VARIABLE, the size of a variable-length string type. */
size_t weft_h5t_variable(void);
hid_t weft_h5p_dataset_xfer(void);
hid_t weft_h5p_link_create(void);
/* A new dataset-transfer property list whose type conversion fails (instead of silently clamping
   or truncating) when a stored value does not fit the memory type. Close it with H5Pclose. */
hid_t weft_h5p_strict_transfer(void);
/* One process-wide recursive lock around HDF5 calls, so that Weft's HDF5 users are safe from any
   thread even with an HDF5 library built without thread safety. */
void weft_h5_lock(void);
void weft_h5_unlock(void);

/* Copies the innermost message of the calling thread's HDF5 error stack into buf (at most size
   bytes, always terminated); returns 1 when there was a message, 0 otherwise. */
int weft_h5_error_message(char *buf, size_t size);

#endif
