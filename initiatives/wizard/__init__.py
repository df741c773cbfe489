"""The operating-model checklist wizard: questions, check your answers, recommendation, history."""
