// CCurl: libcurl as seen from Swift.
//
// curl_easy_setopt and curl_easy_getinfo are C variadic functions, which Swift
// cannot call. These static inline wrappers pin down one argument type each, so
// the Swift side stays type-checked and the compiler inlines them away.
#ifndef GRAPHCONFORMANCE_CCURL_SHIM_H
#define GRAPHCONFORMANCE_CCURL_SHIM_H

#include <curl/curl.h>

// MARK: - setopt

/// For CURLOPTTYPE_LONG options (flags, timeouts, enums).
static inline CURLcode gc_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// For CURLOPTTYPE_OFF_T options (the *_LARGE sizes).
static inline CURLcode gc_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// For CURLOPTTYPE_STRINGPOINT options; libcurl copies the string (except POSTFIELDS).
static inline CURLcode gc_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// For CURLOPTTYPE_OBJECTPOINT/CBPOINT options: raw buffers and callback user data.
static inline CURLcode gc_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// For CURLOPTTYPE_SLISTPOINT options such as CURLOPT_HTTPHEADER.
static inline CURLcode gc_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

/// For CURLOPT_WRITEFUNCTION: receives (possibly decoded) body bytes.
static inline CURLcode gc_easy_setopt_write_callback(CURL *handle, CURLoption option, curl_write_callback value) {
    return curl_easy_setopt(handle, option, value);
}

/// For CURLOPT_HEADERFUNCTION: same C signature as the write callback, one header line per call.
/// CURLOPT_XFERINFOFUNCTION: called about once a second (and on progress); non-zero aborts.
static inline CURLcode gc_easy_setopt_xferinfo_callback(CURL *handle, curl_xferinfo_callback value) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, value);
}

static inline CURLcode gc_easy_setopt_header_callback(CURL *handle, CURLoption option, curl_write_callback value) {
    return curl_easy_setopt(handle, option, value);
}

// MARK: - getinfo

/// For CURLINFO_LONG values (status code, HTTP version, connect count).
static inline CURLcode gc_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// CURLINFO_HTTP_VERSION: the version the last transfer used (CURL_HTTP_VERSION_1_0, _1_1, _2_0, _3,
/// or 0 when unknown), i.e. what ALPN negotiated rather than what the status line claims.
static inline CURLcode gc_easy_getinfo_http_version(CURL *handle, long *value) {
    return curl_easy_getinfo(handle, CURLINFO_HTTP_VERSION, value);
}

/// For CURLINFO_DOUBLE values (legacy timings in seconds).
static inline CURLcode gc_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// For CURLINFO_OFF_T values (timings in microseconds, sizes).
static inline CURLcode gc_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// For CURLINFO_STRING values; the string belongs to the handle and dies with the next transfer.
static inline CURLcode gc_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
