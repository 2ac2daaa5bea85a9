// Every test here runs whole builds; on a 2-core machine they must not compete with each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
