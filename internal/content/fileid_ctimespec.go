//go:build darwin || freebsd || netbsd

package content

import "syscall"

// statID adds the device, inode and change time of a *syscall.Stat_t.
func statID(sys any, id *fileID) {
	if st, ok := sys.(*syscall.Stat_t); ok {
		id.dev, id.ino = uint64(st.Dev), uint64(st.Ino)
		id.ctimeSec, id.ctimeNsec = st.Ctimespec.Unix()
	}
}
