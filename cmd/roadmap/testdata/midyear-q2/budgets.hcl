# Where the money comes from. A project draws its build-period spending
# (its one-time cost, its team cost and its vendor's one-time fee) from the
# budget named in its funding attribute; run costs after go-live belong to
# the operating budget and are reported, not capped, here.

budget "capex" {
  title  = "IT capital budget"
  amount = var.capex
  per    = "year" # resets every four quarters, from 2027-Q1
}

budget "security" {
  # Approved once by the board for the NIS2 push, to last both years.
  title  = "Security programme"
  amount = var.security_programme
  per    = "total"
}
