/* libcurl's own floor for benchmarks/cpu.sh and run.sh: THREADS threads, each with one easy
   handle, GET one URL REQUESTS_PER_THREAD times over a kept-alive connection with the options the
   runner sets on every request (reset, URL, headers, callbacks, timeout, protocols, encodings) and
   discard the answer. No parsing, no checks, no reports: what is left of the runner's CPU per
   request once this is subtracted is the suite's own work. Prints nothing; time it. */
#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
static const char *url, *auth; static int count;
static size_t sink(char *p, size_t s, size_t n, void *u) { (void)p; (void)u; return s * n; }
static void *worker(void *arg) {
    (void)arg;
    CURL *h = curl_easy_init();
    struct curl_slist *hdr = NULL;
    hdr = curl_slist_append(hdr, auth);
    hdr = curl_slist_append(hdr, "Accept: application/json");
    hdr = curl_slist_append(hdr, "client-request-id: 0b6f1f7e-2c55-4d0e-9a7e-3f0e2b9b1c11");
    for (int i = 0; i < count; i++) {
        curl_easy_reset(h);
        curl_easy_setopt(h, CURLOPT_URL, url);
        curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdr);
        curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, sink);
        curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, sink);
        curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
        curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 30000L);
        curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
        CURLcode rc = curl_easy_perform(h);
        if (rc != CURLE_OK) { fprintf(stderr, "curl error %d\n", rc); exit(1); }
    }
    curl_slist_free_all(hdr);
    curl_easy_cleanup(h);
    return NULL;
}
int main(int argc, char **argv) {
    if (argc != 5) { fprintf(stderr, "usage: %s URL 'Authorization: Bearer …' THREADS REQUESTS_PER_THREAD\n", argv[0]); return 2; }
    url = argv[1]; auth = argv[2]; int threads = atoi(argv[3]); count = atoi(argv[4]);
    curl_global_init(CURL_GLOBAL_ALL);
    pthread_t t[64];
    for (int i = 0; i < threads && i < 64; i++) pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < threads && i < 64; i++) pthread_join(t[i], NULL);
    return 0;
}
