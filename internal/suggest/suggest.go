// Package suggest finds the known names closest to a mistyped one, for
// "did you mean" hints.
package suggest

import "sort"

// Closest returns up to n names from known within distance maxDist of key
// and as near as the nearest one, in alphabetical order: "DX" suggests DE
// and DK, not AT. A name that contains key or is contained in it counts as
// distance 1 at most.
func Closest(key string, known []string, maxDist, n int) []string {
	type cand struct {
		name string
		dist int
	}
	var cands []cand
	for _, k := range known {
		d := Distance(key, k)
		if key != "" && (contains(k, key) || contains(key, k)) && d > 1 {
			d = 1
		}
		if d <= maxDist {
			cands = append(cands, cand{k, d})
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].dist != cands[j].dist {
			return cands[i].dist < cands[j].dist
		}
		return cands[i].name < cands[j].name
	})
	var out []string
	for i := 0; i < len(cands) && len(out) < n && cands[i].dist == cands[0].dist; i++ {
		out = append(out, cands[i].name)
	}
	return out
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// Distance returns the Levenshtein distance between a and b, in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
