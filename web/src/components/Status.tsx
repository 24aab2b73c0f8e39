export function Status({ loading, error }: { loading: boolean; error?: string | undefined }) {
  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (loading)
    return (
      <p class="loading" aria-live="polite">
        جارٍ التحميل…
      </p>
    );
  return null;
}
