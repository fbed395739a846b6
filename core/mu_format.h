/*
 * mu_format.h - numbers as people read them: pounds with thousands
 * separators, shared by the terminal and the HTML report.
 */
#ifndef MU_FORMAT_H
#define MU_FORMAT_H

#define MU_MONEY_SIZE 40

/* Formats pounds as "£147,429.59" (decimals 2) or "£147,430" (0) into buf
 * (at least MU_MONEY_SIZE bytes); returns buf. */
const char *mu_format_money(char *buf, double pounds, int decimals);

#endif
