roadmap {
  name    = "Test"
  start   = "2027-Q1"
  horizon = 6
  as_of   = "2027-04-01"
}

# Two options under way: at most one runs.
project "a" {
  duration = 2
  status   = "in_progress"
  started  = "2027-01-01"
  progress {
    percent_complete = 0.4
  }
}

project "b" {
  duration = 2
  status   = "committed"
}

choice "k" {
  options = [project.a, project.b]
}

# A mandatory project needs the option that is not the one done.
project "c" {
  duration = 1
}

project "d" {
  duration = 1
  status   = "done"
  started  = "2027-01-01"
  finished = "2027-03-01"
}

project "e" {
  duration   = 1
  mandatory  = true
  depends_on = [project.c]
}

choice "k2" {
  options = [project.c, project.d]
}

# Mandatory and excluded, or needing an excluded project.
project "m" {
  duration  = 1
  mandatory = true
  excluded  = true
}

project "n" {
  duration  = 1
  mandatory = true
  together  = [project.z]
}

project "z" {
  duration = 1
  excluded = true
}

# A committed project needs an option another option's status rules out,
# and one needs an option a mandatory project's need rules out.
project "o1" {
  duration = 1
}

project "o2" {
  duration = 1
  status   = "done"
  started  = "2027-01-01"
  finished = "2027-03-01"
}

choice "k3" {
  options = [project.o1, project.o2]
}

project "cc" {
  duration   = 1
  status     = "committed"
  depends_on = [project.o1]
}

project "q1" {
  duration = 1
}

project "q2" {
  duration = 1
}

choice "k4" {
  options = [project.q1, project.q2]
}

project "cd" {
  duration   = 1
  status     = "committed"
  depends_on = [project.q1]
}

project "mm" {
  duration   = 1
  mandatory  = true
  depends_on = [project.q2]
}
