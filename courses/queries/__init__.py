"""Named reads of the courses package: what its pages and other packages look up."""
