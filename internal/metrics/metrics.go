// Package metrics exposes Warta's numbers in the Prometheus text format and
// answers the readiness probe. Numbers that live in other packages (the page
// cache, the view counter) come in through small functions given to Add*, so
// those packages need not know about Prometheus; queue lengths are read from
// the database at scrape time, so they are the same whichever process is
// scraped.
package metrics

import (
	"context"
	"crypto/subtle"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"warta/internal/store"
)

// Metrics holds Warta's Prometheus registry.
type Metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	flushes  *prometheus.HistogramVec
	series   sync.Map // seriesKey -> *series: the metrics of each kind of answer, looked up once
}

// seriesKey is a kind of answer: its route pattern (as the mux gave it),
// its method (as labelled) and its status.
type seriesKey struct {
	route, method string
	code          int
}

// series are the metrics one kind of answer updates.
type series struct {
	requests prometheus.Counter
	latency  prometheus.Observer
}

// New builds the registry with the Go runtime and process collectors and the
// database's pool and queue numbers.
func New(st *store.Store, log *slog.Logger) *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry()}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "warta_http_requests_total", Help: "HTTP requests answered, by route pattern, method and status code.",
	}, []string{"route", "method", "code"})
	m.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "warta_http_request_duration_seconds", Help: "Time to answer HTTP requests, by route pattern.",
		Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
	}, []string{"route"})
	m.flushes = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "warta_views_flush_duration_seconds", Help: "Time to write the buffered views to the database, by result.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 5},
	}, []string{"result"})
	m.reg.MustRegister(m.requests, m.latency, m.flushes,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		&dbCollector{st: st, log: log})
	return m
}

// Registry is the underlying registry, for tests and extra collectors.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Observe records one answered request. route is the ServeMux pattern that
// matched (never the raw path, so the number of series stays bounded).
func (m *Metrics) Observe(route, method string, code int, d time.Duration) {
	switch method {
	case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS":
	default:
		method = "other"
	}
	// Patterns, methods and statuses are few: each kind of answer finds
	// its metrics in the map rather than through the vectors' label
	// hashing (2 % of the CPU of a cached page under load).
	k := seriesKey{route, method, code}
	v, ok := m.series.Load(k)
	if !ok {
		label := route
		if label == "" {
			label = "unmatched"
		} else if _, p, ok := strings.Cut(label, " "); ok {
			label = p // the method is its own label
		}
		v, _ = m.series.LoadOrStore(k, &series{requests: m.requests.WithLabelValues(label, method, strconv.Itoa(code)),
			latency: m.latency.WithLabelValues(label)})
	}
	s := v.(*series)
	s.requests.Inc()
	s.latency.Observe(d.Seconds())
}

// AddPageCache reports the page cache's hits and misses, read from fn.
func (m *Metrics) AddPageCache(fn func() (hits, misses uint64)) {
	m.reg.MustRegister(
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "warta_page_cache_hits_total",
			Help: "Pages answered from the page cache."}, func() float64 { h, _ := fn(); return float64(h) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "warta_page_cache_misses_total",
			Help: "Cacheable pages that had to be rendered."}, func() float64 { _, n := fn(); return float64(n) }))
}

// AddFastLane reports the requests the fast lane answered (web.Fast),
// read from fn.
func (m *Metrics) AddFastLane(fn func() uint64) {
	m.reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "warta_fast_lane_requests_total",
		Help: "Requests for pages and static files held in memory, answered before net/http parsed them."},
		func() float64 { return float64(fn()) }))
}

// AddViews reports the views counted but not yet written, read from fn.
func (m *Metrics) AddViews(buffered func() int64) {
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "warta_views_buffered",
		Help: "Article views counted in memory and not yet written to the database."},
		func() float64 { return float64(buffered()) }))
}

// ObserveFlush records one flush of the view buffer; give it to the view
// counter.
func (m *Metrics) ObserveFlush(d time.Duration, err error) {
	res := "ok"
	if err != nil {
		res = "error"
	}
	m.flushes.WithLabelValues(res).Observe(d.Seconds())
}

// Handler serves the registry. With a token it answers only requests that
// carry "Authorization: Bearer TOKEN" (not ?token=: a token in a URL ends
// up in logs).
func (m *Metrics) Handler(token string) http.Handler {
	h := promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
	if token == "" {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(token)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="metrics"`)
			http.Error(w, "metrics need a token: Authorization: Bearer TOKEN", http.StatusUnauthorized)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// dbCollector reads the pool statistics and the queue lengths at scrape
// time.
type dbCollector struct {
	st  *store.Store
	log *slog.Logger
}

var (
	descOpen     = prometheus.NewDesc("warta_db_connections_open", "Open database connections, by pool.", []string{"pool"}, nil)
	descInUse    = prometheus.NewDesc("warta_db_connections_in_use", "Database connections in use, by pool.", []string{"pool"}, nil)
	descMaxOpen  = prometheus.NewDesc("warta_db_connections_max", "Most database connections the pool opens.", []string{"pool"}, nil)
	descWait     = prometheus.NewDesc("warta_db_wait_total", "Times a query waited for a free connection, by pool.", []string{"pool"}, nil)
	descWaitSecs = prometheus.NewDesc("warta_db_wait_seconds_total", "Time queries waited for a free connection, by pool.", []string{"pool"}, nil)
	descMod      = prometheus.NewDesc("warta_comments_pending", "Comments waiting for moderation.", nil, nil)
	descHooksQ   = prometheus.NewDesc("warta_webhook_deliveries_pending", "Webhook deliveries queued or waiting for a retry.", nil, nil)
	descHooksF   = prometheus.NewDesc("warta_webhook_deliveries_failed", "Webhook deliveries that gave up after their retries.", nil, nil)
	descOverdue  = prometheus.NewDesc("warta_scheduler_overdue_articles", "Scheduled articles past their time and not yet published.", nil, nil)
	descLag      = prometheus.NewDesc("warta_scheduler_lag_seconds", "How long the oldest overdue scheduled article has waited (0 when none).", nil, nil)
	descScrapeOK = prometheus.NewDesc("warta_db_up", "1 when the database answered this scrape's queries.", nil, nil)
)

func (c *dbCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descOpen, descInUse, descMaxOpen, descWait, descWaitSecs, descMod,
		descHooksQ, descHooksF, descOverdue, descLag, descScrapeOK} {
		ch <- d
	}
}

func (c *dbCollector) Collect(ch chan<- prometheus.Metric) {
	w, r := c.st.PoolStats()
	for _, p := range []struct {
		name             string
		open, inUse, max int
		waits            int64
		waited           time.Duration
	}{
		{"writer", w.OpenConnections, w.InUse, w.MaxOpenConnections, w.WaitCount, w.WaitDuration},
		{"reader", r.OpenConnections, r.InUse, r.MaxOpenConnections, r.WaitCount, r.WaitDuration},
	} {
		if p.name == "reader" && c.st.Dialect() == store.Postgres {
			continue // one pool serves both
		}
		ch <- prometheus.MustNewConstMetric(descOpen, prometheus.GaugeValue, float64(p.open), p.name)
		ch <- prometheus.MustNewConstMetric(descInUse, prometheus.GaugeValue, float64(p.inUse), p.name)
		ch <- prometheus.MustNewConstMetric(descMaxOpen, prometheus.GaugeValue, float64(p.max), p.name)
		ch <- prometheus.MustNewConstMetric(descWait, prometheus.CounterValue, float64(p.waits), p.name)
		ch <- prometheus.MustNewConstMetric(descWaitSecs, prometheus.CounterValue, p.waited.Seconds(), p.name)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	oc, err := c.st.OpsCounts(ctx)
	if err != nil {
		c.log.Warn("metrics: database counts", "err", err)
		ch <- prometheus.MustNewConstMetric(descScrapeOK, prometheus.GaugeValue, 0)
		return
	}
	ch <- prometheus.MustNewConstMetric(descScrapeOK, prometheus.GaugeValue, 1)
	ch <- prometheus.MustNewConstMetric(descMod, prometheus.GaugeValue, float64(oc.CommentsPending))
	ch <- prometheus.MustNewConstMetric(descHooksQ, prometheus.GaugeValue, float64(oc.WebhooksPending))
	ch <- prometheus.MustNewConstMetric(descHooksF, prometheus.GaugeValue, float64(oc.WebhooksFailed))
	ch <- prometheus.MustNewConstMetric(descOverdue, prometheus.GaugeValue, float64(oc.ScheduledOverdue))
	ch <- prometheus.MustNewConstMetric(descLag, prometheus.GaugeValue, oc.SchedulerLag.Seconds())
}
