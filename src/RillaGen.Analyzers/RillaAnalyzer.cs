using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RillaGen.Analyzers
{
    /// <summary>
    /// Base of RillaGen's analyzers: resolves the RillaGen symbols once per compilation and does no
    /// work at all when the compilation does not reference RillaGen.
    /// </summary>
    public abstract class RillaAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(compilationContext =>
            {
                var symbols = RillaSymbols.TryCreate(compilationContext.Compilation);
                if (symbols is null)
                {
                    return;
                }

                AnalyzeCompilation(compilationContext, symbols);
            });
        }

        /// <summary>Registers the rule's actions for a compilation that references RillaGen.</summary>
        private protected abstract void AnalyzeCompilation(CompilationStartAnalysisContext context, RillaSymbols symbols);
    }
}
