# Imported from github-project.tsv by roadmap import.

project "data_warehouse_for_finance" {
  title = "Data warehouse for finance"
  goals = {
    cut_costs = 1
    reporting = 1
  }
  duration = 3
  deadline = "2027-12-31"
}

project "retire_the_fax_gateway" {
  title = "Retire the fax gateway"
  goals = {
    cut_costs = 1
  }
  duration = 1
}
