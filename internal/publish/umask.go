package publish

import (
	"bytes"
	"os"
	"strconv"
	"sync"
)

// chmodNeeded reports whether a file or directory created with mode perm
// may have come out with fewer permission bits, because the process's
// umask takes some of them away, so that publish must chmod it. It reads
// the umask from /proc/self/status (Linux 4.7 and later) once; where that
// cannot be read, it answers yes and every entry is chmodded as before.
// Setting the umask to read it back would race with files being created on
// other goroutines.
func chmodNeeded(perm os.FileMode) bool {
	m := umask()
	return m < 0 || os.FileMode(m)&perm != 0
}

var umask = sync.OnceValue(func() int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for line := range bytes.Lines(data) {
		if v, ok := bytes.CutPrefix(line, []byte("Umask:")); ok {
			m, err := strconv.ParseUint(string(bytes.TrimSpace(v)), 8, 32)
			if err != nil {
				return -1
			}
			return int(m)
		}
	}
	return -1
})
