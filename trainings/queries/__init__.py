"""Named reads of the trainings package: what its pages and other packages look up."""
