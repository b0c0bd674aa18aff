# Reference values for src/stats from R's survival package (the estimates our engine must equal).
#
#   Rscript src/stats/reference/make-reference.R /work/shared/data/checkee-f1-2025-10-to-2026-03.csv \
#     > src/stats/reference/survival-reference.json
#
# Needs only base R and the `survival` package (Debian: r-cran-survival). The JSON is committed, so
# the tests never need R. Numbers are written with 17 significant digits; NA/NaN/Inf become null.
suppressPackageStartupMessages(library(survival))

args <- commandArgs(trailingOnly = TRUE)
f1file <- if (length(args) >= 1) args[1] else "/work/shared/data/checkee-f1-2025-10-to-2026-03.csv"

num <- function(x) {
  if (length(x) == 0) return("[]")
  s <- ifelse(is.finite(x), sprintf("%.17g", x), "null")
  paste0("[", paste(s, collapse = ","), "]")
}
str1 <- function(x) paste0('"', x, '"')
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste(sprintf('"%s":%s', names(kv), unlist(kv)), collapse = ","), "}")
}

# Causes: 0 = still pending (censored), 1 = issued/cleared, 2 = refused.
datasets <- list(
  ties = list(
    time  = c(1, 2, 2, 2, 3, 4, 4, 5, 6, 6, 7, 8, 9, 10, 10, 12, 15, 15, 20, 21),
    cause = c(1, 1, 1, 0, 2, 1, 0, 1, 1, 1, 0, 2, 1, 1, 0, 1, 0, 0, 1, 0)),
  censor_at_events = list(
    time  = c(3, 3, 3, 5, 5, 8, 8, 8, 8, 11, 11, 14, 14, 14, 17),
    cause = c(1, 0, 0, 1, 0, 1, 2, 0, 0, 1, 0, 1, 0, 2, 0)),
  all_censored = list(time = c(3, 5, 5, 8, 13), cause = c(0, 0, 0, 0, 0)),
  single_event = list(time = c(7), cause = c(1)),
  single_censored = list(time = c(4), cause = c(0)),
  flat_half = list(time = c(1, 2, 3, 4, 5, 6, 7, 8), cause = c(1, 1, 1, 1, 1, 1, 2, 1)),
  flat_half_censored_tail = list(
    time  = c(2, 4, 6, 8, 10, 12, 12, 14, 14, 16),
    cause = c(1, 1, 1, 1, 1, 0, 0, 0, 2, 0)),
  zero_day = list(time = c(0, 0, 1, 3, 3, 4, 9), cause = c(1, 0, 1, 1, 0, 2, 1))
)

# The F1 export: decided rows wait from check to completion; pending rows are censored at the
# export date (2026-03-27), exactly as the importer does.
f1 <- read.csv(f1file, stringsAsFactors = FALSE)
export <- as.Date("2026-03-27")
check <- as.Date(f1$check_date)
done <- f1$status != "Pending"
complete <- as.Date(ifelse(done, f1$complete_date, NA))
f1time <- as.numeric(ifelse(done, complete - check, export - check))
f1cause <- ifelse(f1$status == "Clear", 1, ifelse(f1$status == "Reject", 2, 0))
datasets$f1 <- list(time = f1time, cause = f1cause)

km_json <- function(d, ctype) {
  status <- as.integer(d$cause > 0)
  fit <- survfit(Surv(d$time, status) ~ 1, conf.type = ctype)
  q <- quantile(fit, probs = c(0.25, 0.5, 0.75))
  obj(
    time = num(fit$time), n_risk = num(fit$n.risk), n_event = num(fit$n.event),
    n_censor = num(fit$n.censor), surv = num(fit$surv), std_err = num(fit$std.err),
    lower = num(fit$lower), upper = num(fit$upper),
    quantile = num(unname(q$quantile)), quantile_lower = num(unname(q$lower)),
    quantile_upper = num(unname(q$upper)))
}

aj_json <- function(d) {
  if (!any(d$cause > 0)) return("null")
  st <- factor(d$cause, levels = 0:2, labels = c("pending", "issued", "refused"))
  fit <- survfit(Surv(d$time, st) ~ 1)
  # pstate columns: (s0) = still pending, issued, refused.
  obj(
    time = num(fit$time), n_risk = num(fit$n.risk[, 1]),
    n_event_issued = num(fit$n.event[, 2]), n_event_refused = num(fit$n.event[, 3]),
    pending = num(fit$pstate[, 1]), issued = num(fit$pstate[, 2]), refused = num(fit$pstate[, 3]),
    se_pending = num(fit$std.err[, 1]), se_issued = num(fit$std.err[, 2]),
    se_refused = num(fit$std.err[, 3]),
    lower_issued = num(fit$lower[, 2]), upper_issued = num(fit$upper[, 2]),
    lower_refused = num(fit$lower[, 3]), upper_refused = num(fit$upper[, 3]))
}

# Conditional on having waited w days: survfit over the cases still pending after w, timed from w.
cond_json <- function(d, w) {
  keep <- d$time > w
  t <- d$time[keep] - w
  s <- as.integer(d$cause[keep] > 0)
  fit <- survfit(Surv(t, s) ~ 1)
  sm <- summary(fit, times = c(7, 30, 60, 90), extend = TRUE)
  q <- quantile(fit, probs = 0.5)
  obj(waited = num(w), n = num(sum(keep)), horizon = num(c(7, 30, 60, 90)),
      surv = num(sm$surv), lower = num(sm$lower), upper = num(sm$upper),
      median = num(unname(q$quantile)), median_lower = num(unname(q$lower)),
      median_upper = num(unname(q$upper)))
}

parts <- character(0)
for (name in names(datasets)) {
  d <- datasets[[name]]
  ci <- sapply(c("log", "log-log", "plain"), function(ct) km_json(d, ct))
  parts <- c(parts, sprintf('"%s":%s', name, obj(
    time = num(d$time), cause = num(d$cause),
    km = obj(log = ci[["log"]], `log-log` = ci[["log-log"]], plain = ci[["plain"]]),
    aj = aj_json(d))))
}
conds <- obj(f1_waited_0 = cond_json(datasets$f1, 0), f1_waited_30 = cond_json(datasets$f1, 30),
             f1_waited_60 = cond_json(datasets$f1, 60), ties_waited_4 = cond_json(datasets$ties, 4))
cat(sprintf('{"generator":%s,"survival":%s,"datasets":{%s},"conditional":%s}\n',
            str1("src/stats/reference/make-reference.R"), str1(as.character(packageVersion("survival"))),
            paste(parts, collapse = ","), conds))
