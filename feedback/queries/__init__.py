"""Named reads of the feedback package: what its pages and other packages look up."""
