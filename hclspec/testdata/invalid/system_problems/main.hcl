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

# Two projects that may both run replace one system: a warning. Options
# of one choice may (only one runs).
system "tape" {
  end_of_support = "2027-06"
}

project "cloud_backup" {
  duration = 1
  replaces = [system.tape]
}

project "disk_backup" {
  duration = 1
  replaces = [system.tape]
}

system "desk_old" {}

project "build_desk" {
  duration = 1
  replaces = [system.desk_old]
}

project "buy_desk" {
  duration = 1
  replaces = [system.desk_old]
}

choice "desk" {
  options = [project.build_desk, project.buy_desk]
}
