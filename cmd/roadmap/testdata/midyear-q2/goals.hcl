# What the board asked IT for in the 2027 planning round. Weights say how
# much each goal counts relative to the others (here they sum to 14); a
# project's alignment is the weighted share of the goals it serves.
# "term" is documentation: short means this year, long means a direction.

goal "cut_costs" {
  title  = "Cut IT run costs by 10%"
  weight = 3
  term   = "short"
}

goal "secure_operations" {
  # NIS2 applies to the company from 2027: the heaviest goal.
  title  = "Pass the NIS2 audit and harden operations"
  weight = 4
  term   = "short"
}

goal "grow_online_sales" {
  title  = "Support 20% growth of online sales"
  weight = 3
  term   = "medium"
}

goal "modernise_core" {
  title  = "Retire end-of-life core systems"
  weight = 2
  term   = "long"
}

goal "productive_staff" {
  title  = "Give staff tools that save them time"
  weight = 2
  term   = "medium"
}
