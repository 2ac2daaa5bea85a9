using RillaGen.Sandbox;

return await SandboxCommandLine.RunAsync(args);
