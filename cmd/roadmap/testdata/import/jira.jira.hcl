# Imported from jira.csv by roadmap import.

project "it_101" {
  title = "Move payroll to the cloud"
  goals = {
    compliance = 1
    cut_costs  = 1
  }
  duration = 1
  effort = {
    platform = 0.62
  }
  deadline = "2027-09-30"
}

project "it_102" {
  title = "Self-service password reset"
  goals = {
    productive_staff = 1
  }
  duration = 1
  effort = {
    platform = 0.15
  }
}

project "it_103" {
  title = "Laptop refresh 2027"
  goals = {
    cut_costs        = 1
    productive_staff = 1
  }
  duration = 1
  effort = {
    platform = 0.31
  }
  deadline = "2027-12-31"
}
