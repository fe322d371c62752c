"""Reproduce the PsyLite model: 10:3 data mix, (Q)LoRA SFT, ORPO, merge, GGUF q4_k_m, Modelfile.

Heavy libraries (torch, transformers, peft, trl) are imported inside the steps, so the
CLI's help and the data step run without the [train] extra.
"""
