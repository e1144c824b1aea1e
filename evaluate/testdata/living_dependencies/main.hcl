# Work done, committed or under way whose dependencies or together
# partners are dropped (review qa15d D14), at the status date 2027-Q3:
#
# data_lake fails the risk gate (0.7 > 0.5), so lake_connectors, which
#   runs together with it, is dropped too (gate together).
# reporting is done although it depends on lake_connectors (the loader
#   warns: done before what it depends on). It is history: done, never
#   dropped; its run cost (4,000 a year from 2027-Q3) is a "done" row of
#   the run rate.
# forecasting is committed and depends on lake_connectors: it keeps its
#   place (2027-Q3..Q4) with one warning, "would fail the viability gate
#   today (kept: committed): depends on dropped project "lake_connectors"".
# crm_cloud is done and runs together with crm_training, which fails the
#   risk gate: crm_cloud stays done, so crm_legacy is retired by it from
#   2027-Q3 in the audit and in the run rate alike (40,000 a year).
roadmap {
  name          = "Living dependencies"
  start         = "2027-Q1"
  horizon       = 8
  as_of         = "2027-07-01"
  risk_appetite = 0.5
}

goal "insight" {
  weight = 1
}

team "platform" {
  capacity     = 4
  cost_per_fte = 10000
}

system "crm_legacy" {
  end_of_support = "2028-Q2"
  run_cost {
    per_year = 40000
  }
}

project "data_lake" {
  duration = 2
  effort   = { platform = 1 }
  goals    = { insight = 1 }
  together = [project.lake_connectors]
  risk {
    failure = 0.7
  }
}

project "lake_connectors" {
  duration = 1
  effort   = { platform = 1 }
  goals    = { insight = 0.5 }
}

project "reporting" {
  duration   = 2
  effort     = { platform = 1 }
  goals      = { insight = 0.8 }
  status     = "done"
  started    = "2027-01-01"
  finished   = "2027-05-31"
  depends_on = [project.lake_connectors]
  cost {
    per_year = 4000
  }
}

project "forecasting" {
  duration   = 2
  effort     = { platform = 1 }
  goals      = { insight = 0.6 }
  status     = "committed"
  depends_on = [project.lake_connectors]
  benefit {
    per_year = 60000
  }
}

project "crm_cloud" {
  duration = 2
  effort   = { platform = 2 }
  goals    = { insight = 0.3 }
  status   = "done"
  started  = "2027-01-01"
  finished = "2027-05-31"
  together = [project.crm_training]
  replaces = [system.crm_legacy]
  cost {
    per_year = 12000
  }
}

project "crm_training" {
  duration = 1
  effort   = { platform = 1 }
  goals    = { insight = 0.2 }
  risk {
    failure = 0.8
  }
}
