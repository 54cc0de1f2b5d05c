/*
 * A fake TWAIN DSM + data source for tests (Debian has no TWAIN): one DSM_Entry with the TWAIN
 * state machine for the calls our driver makes, pack(2) structs as twain.h declares them, and
 * memory transfer of generated gray or RGB strips. FAKE_TWAIN_PAGES sets the feeder's pages,
 * FAKE_TWAIN_JAM_PAGE makes that page (1-based) fail with TWCC_PAPERJAM, FAKE_TWAIN_CRASH_PAGE
 * kills the process on that page, as a faulty driver takes its host process down. As a TWAIN 2
 * DSM it offers DSM_MemAllocate/Free/Lock/Unlock through DAT_ENTRYPOINT, and the source answers
 * MSG_GET for resolution (enumeration), pixel type (enumeration), feeder (one value) and
 * physical size (one value, inches); it has no duplex unit. Besides memory transfer it does
 * native transfer (a DIB handle) and file transfer (a BMP at the name the application sets).
 */
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#pragma pack(push, 2)
typedef struct { uint16_t MajorNum, MinorNum, Language, Country; char Info[34]; } TW_VERSION;
typedef struct { uint32_t Id; TW_VERSION Version; uint16_t ProtocolMajor, ProtocolMinor; uint32_t SupportedGroups; char Manufacturer[34], ProductFamily[34], ProductName[34]; } TW_IDENTITY;
typedef struct { uint16_t Cap, ConType; void *hContainer; } TW_CAPABILITY;
typedef struct { uint16_t ItemType; uint32_t Item; } TW_ONEVALUE;
typedef struct { uint16_t ShowUI, ModalUI; void *hParent; } TW_USERINTERFACE;
typedef struct { uint32_t MinBufSize, MaxBufSize, Preferred; } TW_SETUPMEMXFER;
typedef struct { uint32_t Flags, Length; void *TheMem; } TW_MEMORY;
typedef struct { uint16_t Compression; uint32_t BytesPerRow, Columns, Rows, XOffset, YOffset, BytesWritten; TW_MEMORY Memory; } TW_IMAGEMEMXFER;
typedef struct { uint16_t Count; uint32_t EOJ; } TW_PENDINGXFERS;
typedef struct { char FileName[256]; uint16_t Format; int16_t VRefNum; } TW_SETUPFILEXFER;
typedef struct { uint16_t ConditionCode, Data; } TW_STATUS;
typedef struct { uint32_t Size; void *DSM_Entry, *MemAllocate, *MemFree, *MemLock, *MemUnlock; } TW_ENTRYPOINT;
typedef struct { uint16_t ItemType; uint32_t NumItems, CurrentIndex, DefaultIndex; uint8_t ItemList[1]; } TW_ENUMERATION;
#pragma pack(pop)

/* Containers are plain malloc blocks; the handle is the pointer. `live` counts what the app has not freed. */
static int live = 0;
static void *mem_allocate(uint32_t size) { live++; return calloc(1, size); }
static void mem_free(void *h) { if (h) { live--; free(h); } }
static void *mem_lock(void *h) { return h; }
static void mem_unlock(void *h) { (void)h; }

static void *one_value(uint16_t type, uint32_t item) {
  TW_ONEVALUE *v = mem_allocate(sizeof *v); v->ItemType = type; v->Item = item; return v;
}
/* An enumeration of 16-bit items (UINT16) or FIX32 whole numbers (4 bytes each). */
static void *enumeration(uint16_t type, const uint16_t *items, uint32_t n, uint32_t current) {
  uint32_t size = type == 7 ? 4 : 2;
  TW_ENUMERATION *e = mem_allocate(14 + n * size);
  e->ItemType = type; e->NumItems = n; e->CurrentIndex = current; e->DefaultIndex = current;
  for (uint32_t i = 0; i < n; i++) {
    if (size == 4) { int16_t whole = (int16_t)items[i]; memcpy(e->ItemList + i * 4, &whole, 2); memset(e->ItemList + i * 4 + 2, 0, 2); }
    else memcpy(e->ItemList + i * 2, &items[i], 2);
  }
  return e;
}

static int state = 1, listed = 0, pixeltype = 1, dpi = 100, feeder = 0, pages = 3, jam = 0, crash = 0, page = 0, row = 0, xfermech = 2;
static char file_name[256];
static const uint32_t W = 170, H = 220; /* a small page, so strips cover several calls */

/* The page as a DIB (bottom-up rows padded to 4 bytes, BGR or 8-bit with a gray palette), with
   the same pixels memory transfer gives; allocated as a DSM handle the application frees. */
static uint8_t *make_dib(uint32_t *size) {
  uint32_t channels = pixeltype == 2 ? 3 : 1, stride = (W * channels + 3) & ~3u, palette = channels == 1 ? 1024 : 0;
  *size = 40 + palette + stride * H;
  uint8_t *dib = mem_allocate(*size);
  uint32_t header[10] = {40, W, H, 0, 0, stride * H, 11811, 11811, channels == 1 ? 256 : 0, 0};
  memcpy(dib, header, 40);
  uint16_t planes = 1, bits = (uint16_t)(channels * 8); memcpy(dib + 12, &planes, 2); memcpy(dib + 14, &bits, 2);
  for (uint32_t i = 0; i < palette / 4; i++) { dib[40 + i * 4] = dib[41 + i * 4] = dib[42 + i * 4] = (uint8_t)i; dib[43 + i * 4] = 0; }
  for (uint32_t y = 0; y < H; y++)
    for (uint32_t c = 0; c < W * channels; c++) {
      uint8_t v = (uint8_t)((y / 20 + c / 20 + page) % 2 ? 40 : 220);
      uint32_t x = c / channels, ch = c % channels;
      dib[40 + palette + (H - 1 - y) * stride + x * channels + (channels == 3 ? 2 - ch : 0)] = v;
    }
  return dib;
}

enum { SUCCESS = 0, FAILURE = 1, CANCEL = 3, XFERDONE = 6, ENDOFLIST = 7 };
enum { CC_SEQERROR = 11, CC_BADVALUE = 4, CC_CAPUNSUPPORTED = 13, CC_PAPERJAM = 20, CC_NOMEDIA = 29 };

static uint16_t cc = 0;

static int fail(uint16_t code) { cc = code; return FAILURE; }

static int env_int(const char *name, int fallback) { const char *v = getenv(name); return v ? atoi(v) : fallback; }

uint16_t DSM_Entry(TW_IDENTITY *origin, TW_IDENTITY *dest, uint32_t dg, uint16_t dat, uint16_t msg, void *data) {
  (void)origin;
  if (dat == 8) { *(TW_STATUS *)data = (TW_STATUS){cc, 0}; cc = 0; return SUCCESS; }
  if (dat == 4 && msg == 0x301) { if (state != 1) return fail(CC_SEQERROR); state = 3; origin->SupportedGroups |= 0x10000000; return SUCCESS; }
  if (dat == 0x403 && msg == 1) {
    TW_ENTRYPOINT *ep = data;
    if (state < 3 || ep->Size != sizeof *ep) return fail(CC_BADVALUE);
    ep->DSM_Entry = (void *)DSM_Entry; ep->MemAllocate = (void *)mem_allocate; ep->MemFree = (void *)mem_free;
    ep->MemLock = (void *)mem_lock; ep->MemUnlock = (void *)mem_unlock;
    return SUCCESS;
  }
  if (dat == 4 && msg == 0x302) { if (state != 3) return fail(CC_SEQERROR); state = 1; return SUCCESS; }
  if (dat == 3 && (msg == 4 || msg == 5)) {
    if (state < 3) return fail(CC_SEQERROR);
    if (msg == 4) listed = 0;
    if (listed++ > 0) return ENDOFLIST;
    TW_IDENTITY *id = data; memset(id, 0, sizeof *id); id->Id = 7; id->ProtocolMajor = 2; id->ProtocolMinor = 4;
    strcpy(id->Manufacturer, "Motcua Test"); strcpy(id->ProductFamily, "Fake"); strcpy(id->ProductName, "Fake TWAIN Scanner");
    return SUCCESS;
  }
  if (dat == 3 && msg == 0x401) {
    TW_IDENTITY *id = data;
    if (state != 3) return fail(CC_SEQERROR);
    if (strcmp(id->ProductName, "Fake TWAIN Scanner") != 0) return fail(CC_BADVALUE);
    id->Id = 7; state = 4; pages = env_int("FAKE_TWAIN_PAGES", 3); jam = env_int("FAKE_TWAIN_JAM_PAGE", 0); crash = env_int("FAKE_TWAIN_CRASH_PAGE", 0); page = 0; return SUCCESS;
  }
  if (dat == 3 && msg == 0x402) { if (state != 4) return fail(CC_SEQERROR); state = 3; return SUCCESS; }
  if (dest == NULL) return fail(CC_BADVALUE);
  if (dat == 1 && msg == 1) {
    TW_CAPABILITY *cap = data;
    static const uint16_t dpis[] = {100, 150, 200, 300, 600}, types[] = {0, 1, 2};
    if (state != 4) return fail(CC_SEQERROR);
    if (cap->Cap == 0x1118 || cap->Cap == 0x1119) { cap->ConType = 4; cap->hContainer = enumeration(7, dpis, 5, 0); }
    else if (cap->Cap == 0x0101) { cap->ConType = 4; cap->hContainer = enumeration(4, types, 3, 1); }
    else if (cap->Cap == 0x1002) { cap->ConType = 5; cap->hContainer = one_value(6, (uint32_t)feeder); }
    else if (cap->Cap == 0x1111) { cap->ConType = 5; cap->hContainer = one_value(7, 8 | (32768u << 16)); } /* 8.5 in */
    else if (cap->Cap == 0x1112) { cap->ConType = 5; cap->hContainer = one_value(7, 14); }
    else return fail(CC_CAPUNSUPPORTED);
    return SUCCESS;
  }
  if (dat == 1 && msg == 6) {
    TW_CAPABILITY *cap = data; TW_ONEVALUE *one = cap->hContainer;
    if (state != 4 || cap->ConType != 5) return fail(CC_SEQERROR);
    if (cap->Cap == 0x0101) pixeltype = (int)one->Item;
    else if (cap->Cap == 0x0103) xfermech = (int)(one->Item & 0xffff);
    else if (cap->Cap == 0x1118 || cap->Cap == 0x1119) dpi = (int)(one->Item & 0xffff);
    else if (cap->Cap == 0x1002) feeder = (int)one->Item;
    return SUCCESS;
  }
  if (dat == 9 && msg == 0x502) { if (state != 4) return fail(CC_SEQERROR); state = 5; if (feeder && pages == 0) { state = 4; return fail(CC_NOMEDIA); } state = 6; row = 0; page++; return SUCCESS; }
  if (dat == 9 && msg == 0x501) { if (state != 5 && state != 6) return fail(CC_SEQERROR); state = 4; return SUCCESS; }
  if (dat == 6 && msg == 1) { TW_SETUPMEMXFER *s = data; s->MinBufSize = 512; s->MaxBufSize = 65536; s->Preferred = 4096; return SUCCESS; }
  if (dg == 2 && dat == 0x104 && msg == 1) {
    if (state != 6 || xfermech != 0) return fail(CC_SEQERROR);
    if (jam == page) return fail(CC_PAPERJAM);
    uint32_t size;
    *(void **)data = make_dib(&size);
    state = 7;
    return XFERDONE;
  }
  if (dat == 7 && msg == 6) {
    TW_SETUPFILEXFER *f = data;
    if (state < 4 || state > 6) return fail(CC_SEQERROR);
    memcpy(file_name, f->FileName, sizeof file_name); file_name[255] = 0;
    return SUCCESS;
  }
  if (dg == 2 && dat == 0x105 && msg == 1) {
    /* File transfer: the same DIB as a BMP file at the name the application set. */
    if (state != 6 || xfermech != 1 || file_name[0] == 0) return fail(CC_SEQERROR);
    if (jam == page) return fail(CC_PAPERJAM);
    uint32_t size;
    uint8_t *dib = make_dib(&size);
    FILE *out = fopen(file_name, "wb");
    if (out == NULL) { mem_free(dib); return fail(CC_BADVALUE); }
    uint32_t file_size = 14 + size, offset = 14 + 40 + (pixeltype == 2 ? 0 : 1024), zero = 0;
    fwrite("BM", 1, 2, out); fwrite(&file_size, 4, 1, out); fwrite(&zero, 4, 1, out); fwrite(&offset, 4, 1, out);
    fwrite(dib, 1, size, out); fclose(out); mem_free(dib);
    state = 7;
    return XFERDONE;
  }
  if (dg == 2 && dat == 0x103 && msg == 1) {
    TW_IMAGEMEMXFER *x = data;
    if (state != 6 && state != 7) return fail(CC_SEQERROR);
    if (crash == page) raise(SIGKILL); /* never a core file, whatever the ulimit */
    if (jam == page) { state = 6; return fail(CC_PAPERJAM); }
    state = 7;
    uint32_t channels = pixeltype == 2 ? 3 : 1, bpr = W * channels, rows = x->Memory.Length / bpr;
    if (rows > H - row) rows = H - row;
    uint8_t *out = x->Memory.TheMem;
    for (uint32_t r = 0; r < rows; r++)
      for (uint32_t c = 0; c < bpr; c++) out[r * bpr + c] = (uint8_t)(((row + r) / 20 + c / 20 + page) % 2 ? 40 : 220);
    *x = (TW_IMAGEMEMXFER){0, bpr, W, rows, 0, (uint32_t)row, rows * bpr, x->Memory};
    row += rows;
    return row >= (int)H ? XFERDONE : SUCCESS;
  }
  if (dat == 5 && msg == 0x701) {
    TW_PENDINGXFERS *p = data;
    if (state != 7) return fail(CC_SEQERROR);
    if (feeder) pages--;
    p->Count = feeder && pages > 0 ? 1 : 0; p->EOJ = 0;
    if (p->Count) { state = 6; row = 0; page++; } else state = 5;
    return SUCCESS;
  }
  if (dat == 5 && msg == 7) { TW_PENDINGXFERS *p = data; if (state < 5) return fail(CC_SEQERROR); p->Count = 0; state = 5; return SUCCESS; }
  return fail(CC_BADVALUE);
}

/* For the test: capability containers the app has not freed yet. */
int fake_twain_live_containers(void) { return live; }
/* For the test: which state the fake is in (1 = everything closed). */
int fake_twain_state(void) { return state; }
/* For the test: the resolution and pixel type the driver negotiated. */
int fake_twain_dpi(void) { return dpi; }
int fake_twain_pixeltype(void) { return pixeltype; }
