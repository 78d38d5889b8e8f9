// Command cluster starts Warta as it runs on several machines, on loopback:
// three `warta serve` processes over one PostgreSQL database and one
// S3-compatible object store (SeaweedFS), behind HAProxy, which sends
// readers only to processes whose /readyz answers 200.
//
//	go run ./deploy/cluster --db postgres://… [--hold] [--check]
//
// --check runs the deployment test (what deploy/cluster_test.go runs):
// a writer uploads a photo and publishes on one process, readers on the
// others see the article and the photo at once; reactions, comments and
// votes spread over the three through the balancer are exact; a process
// stopped with SIGTERM is drained via /readyz without a failed request; a
// process killed with SIGKILL mid-load loses no acknowledged write.
// --hold keeps everything running until Ctrl-C, to look at it in a
// browser. docs/deploy.md explains the set-up.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	var cfg Config
	flag.StringVar(&cfg.DB, "db", os.Getenv("WARTA_CLUSTER_DB"), "PostgreSQL URL of the database the processes share (its tables are created; env WARTA_CLUSTER_DB)")
	flag.StringVar(&cfg.Dir, "dir", "", "working folder (default: a new temporary folder)")
	flag.IntVar(&cfg.Processes, "processes", 3, "how many warta processes")
	hold := flag.Bool("hold", false, "keep the cluster running until interrupted")
	check := flag.Bool("check", true, "run the deployment checks")
	flag.Parse()
	if cfg.DB == "" {
		fmt.Fprintln(os.Stderr, "cluster: --db postgres://… is required (one database the processes share)")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	c, err := Start(ctx, cfg, func(format string, args ...any) { fmt.Printf(format+"\n", args...) })
	if err != nil {
		fmt.Fprintln(os.Stderr, "cluster:", err)
		os.Exit(1)
	}
	defer c.Stop()
	fmt.Printf("balancer: http://%s   processes: %v   object store: %s\n", c.LB, c.Addrs, c.S3Endpoint)
	if *check {
		if err := c.Check(ctx); err != nil {
			fmt.Fprintln(os.Stderr, "cluster check FAILED:", err)
			c.Stop()
			os.Exit(1)
		}
		fmt.Println("cluster check passed")
	}
	if *hold {
		fmt.Println("running; Ctrl-C stops everything")
		<-ctx.Done()
	}
}
