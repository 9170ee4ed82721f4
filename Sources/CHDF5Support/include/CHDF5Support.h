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

#endif
