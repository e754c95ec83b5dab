using BenchmarkDotNet.Running;
using SqlProxy.Benchmarks.Bench;

// `report [options]` runs the bench report (./build.sh --target=bench); anything else goes to BenchmarkDotNet's switcher.
if (args is ["report", .. var options]) return await BenchReport.RunAsync(options);
BenchmarkSwitcher.FromAssembly(typeof(SqlProxy.Benchmarks.Micro.ParseBenchmarks).Assembly).Run(args);
return 0;
