/*
 * io_report_recruit.c - the CSV files of a recruitment (DESIGN.md §3c):
 * posts.csv, the posts of each recruits.csv row with the value of its last
 * post, and curve.csv, the recruitment curve of --posts.
 */
#include "io/io_report.h"

#include "core/mu_buf.h"

#include <math.h>

/* Posts this close to 0 are written as 0 (the solver's rounding noise). */
#define EPS 1e-6

enum mu_code io_report_write_posts(const char *dir, const struct mu_scenario *sc,
                                   const struct io_recruit *r, struct mu_err *err)
{
	struct mu_buf b;
	size_t i;
	enum mu_code rc;
	mu_buf_init(&b);
	mu_buf_adds(&b, "partner,role,posts,annual_cost,posts_cost,last_post_value,max_posts\n");
	for (i = 0; i < sc->n_recruits; i++) {
		const struct mu_recruit *k = &sc->recruits[i];
		mu_buf_addf(&b, "%s,%s,%.10g,%.2f,%.2f,", sc->partners[k->partner].id,
		            sc->roles[k->role].id, fabs(r->posts[i]) < EPS ? 0 : r->posts[i],
		            k->annual_cost, r->posts[i] * k->annual_cost);
		if (r->has_value[i])
			mu_buf_addf(&b, "%.2f", r->value[i]);
		mu_buf_adds(&b, ",");
		if (k->max_posts != MU_UNLIMITED)
			mu_buf_addf(&b, "%ld", k->max_posts);
		mu_buf_adds(&b, "\n");
	}
	rc = io_report_write_file(dir, "posts.csv", b.data, b.len, err);
	mu_buf_release(&b);
	return rc;
}

enum mu_code io_report_write_curve(const char *dir, const struct io_recruit *r, struct mu_err *err)
{
	struct mu_buf b;
	size_t i;
	enum mu_code rc;
	/* §3f: the year's bed-days, only when the weeks have pathways */
	bool has_flow = r->n_weeks > 0 && r->weeks[0]->n_flows > 0;
	mu_buf_init(&b);
	mu_buf_adds(&b, "posts,status,yearly_cost,posts_cost,spend,filled_hours,red_flags");
	mu_buf_adds(&b, has_flow ? ",bed_days\n" : "\n");
	for (i = 0; i < r->n_curve; i++) {
		const struct io_recruit_year *p = &r->curve[i];
		mu_buf_addf(&b, "%.0f,%s,", r->curve_x[i], mu_status_name(p->status));
		if (io_say_recruit_is_solved(p))
			mu_buf_addf(&b, "%.2f,%.2f,%.2f,%.10g,%zu", p->cost, p->post_cost, p->spend,
			            p->filled, p->red_flags);
		else
			mu_buf_adds(&b, ",,,,");
		if (has_flow && io_say_recruit_is_solved(p))
			mu_buf_addf(&b, ",%.10g", fabs(p->bed_days) < 1e-9 ? 0 : p->bed_days);
		else if (has_flow)
			mu_buf_adds(&b, ",");
		mu_buf_adds(&b, "\n");
	}
	rc = io_report_write_file(dir, "curve.csv", b.data, b.len, err);
	mu_buf_release(&b);
	return rc;
}
