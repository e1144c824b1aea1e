roadmap {
  name  = "Test"
  start = "2027-01"
}

department "finance" {}

system "mainframe" {
  owner          = department.finanse
  end_of_support = "2026-12"
}

system "fax_server" {
  end_of_support = "soon"

  run_cost {
    per_year = -10
  }
  risk {
    security = 1.5
  }
}

system "ok_system" {
  owner          = department.finance
  end_of_support = "2026-06"
}

project "retire" {
  duration = 1
  replaces = [system.ok_system, system.mainfram]
}
